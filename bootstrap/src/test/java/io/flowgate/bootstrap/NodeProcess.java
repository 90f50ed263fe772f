package io.flowgate.bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Main in a JVM of its own, as an operator runs it, on the test classpath. */
final class NodeProcess {

    /** The line Main prints once the node serves requests. */
    static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private NodeProcess() {
    }

    /** Starts Main with exactly these FLOWGATE_ settings; its standard error goes to {@code stderr.txt}. */
    static Process launch(Path workDirectory, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName())
                .directory(workDirectory.toFile())
                .redirectError(workDirectory.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FLOWGATE_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
