package io.flowgate.application.service;

import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.flow.language.FlowLanguage;
import io.flowgate.domain.flow.language.FlowProgram;
import io.flowgate.domain.flow.language.ParsedDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled flow programs by flow and version: a definition is parsed once per version, not per
 * call. A version's definition never changes, so entries never go stale; the map is bounded.
 */
final class FlowPrograms {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(FlowId flowId, int version) {
    }

    private final FlowLanguage language;
    private final Map<Key, FlowProgram> programs = new ConcurrentHashMap<>();

    FlowPrograms(FlowLanguage language) {
        this.language = language;
    }

    /** @throws IllegalStateException for a stored definition that no longer parses (saved before validation existed) */
    FlowProgram programOf(Flow flow) {
        Key key = new Key(flow.id(), flow.version());
        FlowProgram program = programs.get(key);
        if (program != null) {
            return program;
        }
        // References to other flows were checked when the definition was saved; a flow deleted since
        // then makes its flow.call step fail at run time instead.
        ParsedDefinition parsed = language.parse(flow.definition().json(), reference -> true);
        if (!(parsed instanceof ParsedDefinition.Valid valid)) {
            throw new IllegalStateException("flow " + flow.id() + " v" + flow.version() + " has an invalid definition");
        }
        if (programs.size() >= MAX_ENTRIES) {
            programs.clear();
        }
        programs.put(key, valid.program());
        return valid.program();
    }
}
