package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OAuth guide prints the example client that ClientLibraryTest compiles and runs, character for character. */
class OAuthGuideTest {

    @Test
    void guide_quotesTheTestedExampleClientVerbatim() throws IOException {
        String guide = Files.readString(Path.of("../docs/oauth.md"));
        String example = Files.readString(Path.of("src/test/java/io/flowgate/example/ClientCredentialsExample.java"));

        assertThat(guide).contains("```java\n" + example + "```\n");
    }
}
