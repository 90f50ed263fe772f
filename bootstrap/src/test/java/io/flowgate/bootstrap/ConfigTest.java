package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    @Test
    void emptyEnvironment_givesTheDocumentedDefaults_andAnEmbeddedDatabase() {
        Config config = Config.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(config.database()).isEmpty();
        assertThat(config.operatorToken()).isEmpty();
        assertThat(config.masterKey()).isEmpty();
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxBodyBytes()).isEqualTo(1L << 20);
        assertThat(config.flowTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everyVariable_isRead() {
        Config config = Config.fromEnvironment(Map.of(
                "FLOWGATE_PORT", "9090",
                "FLOWGATE_PUBLIC_URL", "https://flows.example.com/",
                "FLOWGATE_DB_URL", "jdbc:postgresql://db:5432/flowgate",
                "FLOWGATE_DB_USER", "flowgate",
                "FLOWGATE_DB_PASSWORD", "pw",
                "FLOWGATE_OPERATOR_TOKEN", "0123456789abcdef",
                "FLOWGATE_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "FLOWGATE_TOKEN_TTL", "600",
                "FLOWGATE_CLOCK_SKEW", "5",
                "FLOWGATE_MAX_BODY", "256KiB"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.publicUrl()).isEqualTo(URI.create("https://flows.example.com"));
        assertThat(config.database()).hasValueSatisfying(db -> {
            assertThat(db.url()).isEqualTo("jdbc:postgresql://db:5432/flowgate");
            assertThat(db.user()).hasValue("flowgate");
            assertThat(db.password()).hasValue("pw");
        });
        assertThat(config.operatorToken()).hasValue("0123456789abcdef");
        assertThat(config.masterKey()).hasValueSatisfying(key -> assertThat(key).hasSize(32).startsWith(0, 1, 2));
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxBodyBytes()).isEqualTo(256L * 1024);
    }

    @Test
    void publicUrlDefault_followsTheConfiguredPort() {
        assertThat(Config.fromEnvironment(Map.of("FLOWGATE_PORT", "9191")).publicUrl())
                .isEqualTo(URI.create("http://localhost:9191"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FLOWGATE_PORT           | 0",
            "FLOWGATE_PORT           | 65535",
            "FLOWGATE_PORT           | ' 8080\n'",
            "FLOWGATE_PUBLIC_URL     | https://x.example.com:8443",
            "FLOWGATE_PUBLIC_URL     | http://[::1]:8080/",
            "FLOWGATE_DB_URL         | jdbc:postgresql://db1:5432,db2:5433/flowgate?sslmode=require",
            "FLOWGATE_DB_URL         | jdbc:postgresql://[::1]/flowgate",
            "FLOWGATE_OPERATOR_TOKEN | 0123456789abcdef",
            "FLOWGATE_MASTER_KEY     | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
            "FLOWGATE_TOKEN_TTL      | 60",
            "FLOWGATE_TOKEN_TTL      | 86400",
            "FLOWGATE_CLOCK_SKEW     | 0",
            "FLOWGATE_CLOCK_SKEW     | 600",
            "FLOWGATE_MAX_BODY       | 1024",
            "FLOWGATE_MAX_BODY       | 1 kib",
            "FLOWGATE_MAX_BODY       | 100MiB",
            "FLOWGATE_FLOW_TIMEOUT   | 1",
            "FLOWGATE_FLOW_TIMEOUT   | 3600",
    })
    void edgeValue_isAccepted(String variable, String value) {
        Config.fromEnvironment(Map.of(variable, value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FLOWGATE_PORT           | ''",
            "FLOWGATE_PUBLIC_URL     | ' '",
            "FLOWGATE_DB_URL         | ''",
            "FLOWGATE_DB_USER        | '  '",
            "FLOWGATE_OPERATOR_TOKEN | ''",
            "FLOWGATE_MASTER_KEY     | ''",
            "FLOWGATE_TOKEN_TTL      | ' '",
            "FLOWGATE_CLOCK_SKEW     | ''",
            "FLOWGATE_MAX_BODY       | '\t'",
            "FLOWGATE_FLOW_TIMEOUT   | ''",
    })
    void variableSetButBlank_stopsTheStart_ratherThanFallingBackToTheDefault(String variable, String value) {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(variable + " is set but empty: give it a value, or unset it for the default");
    }

    @Test
    void databasePassword_isTakenAsGiven_spacesAndEmptyIncluded() {
        assertThat(Config.fromEnvironment(Map.of("FLOWGATE_DB_URL", "jdbc:postgresql://db/flowgate",
                "FLOWGATE_DB_PASSWORD", " pass word ")).database().orElseThrow().password()).hasValue(" pass word ");
        assertThat(Config.fromEnvironment(Map.of("FLOWGATE_DB_URL", "jdbc:postgresql://db/flowgate",
                "FLOWGATE_DB_PASSWORD", "")).database().orElseThrow().password()).hasValue("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FLOWGATE_PORT         | eighty                    | FLOWGATE_PORT must be a whole number from 0 to 65535",
            "FLOWGATE_PORT         | 70000                     | FLOWGATE_PORT must be a whole number from 0 to 65535",
            "FLOWGATE_PUBLIC_URL   | flows.example.com         | FLOWGATE_PUBLIC_URL must be an absolute http(s) URL",
            "FLOWGATE_PUBLIC_URL   | ftp://flows.example.com   | FLOWGATE_PUBLIC_URL must be an absolute http(s) URL",
            "FLOWGATE_PUBLIC_URL   | https://x.example.com/?a=1| FLOWGATE_PUBLIC_URL must be an absolute http(s) URL",
            "FLOWGATE_DB_URL       | postgres://db/flowgate    | FLOWGATE_DB_URL must be a PostgreSQL JDBC URL",
            "FLOWGATE_DB_USER      | flowgate                  | FLOWGATE_DB_USER and FLOWGATE_DB_PASSWORD need FLOWGATE_DB_URL",
            "FLOWGATE_OPERATOR_TOKEN | short                   | FLOWGATE_OPERATOR_TOKEN must be at least 16 characters",
            "FLOWGATE_MASTER_KEY   | c2hvcnQ=                  | FLOWGATE_MASTER_KEY must be 32 random bytes in base64",
            "FLOWGATE_MASTER_KEY   | not base64 at all!        | FLOWGATE_MASTER_KEY must be 32 random bytes in base64",
            "FLOWGATE_TOKEN_TTL    | 59                        | FLOWGATE_TOKEN_TTL must be a whole number from 60 to 86400",
            "FLOWGATE_TOKEN_TTL    | 1h                        | FLOWGATE_TOKEN_TTL must be a whole number from 60 to 86400",
            "FLOWGATE_CLOCK_SKEW   | -1                        | FLOWGATE_CLOCK_SKEW must be a whole number from 0 to 600",
            "FLOWGATE_MAX_BODY     | 1GiB                      | FLOWGATE_MAX_BODY must be a size from 1KiB to 100MiB",
            "FLOWGATE_MAX_BODY     | 512                       | FLOWGATE_MAX_BODY must be a size from 1KiB to 100MiB",
            "FLOWGATE_FLOW_TIMEOUT | 0                         | FLOWGATE_FLOW_TIMEOUT must be a whole number from 1 to 3600",
            "FLOWGATE_FLOW_TIMEOUT | 99999999999999999999      | FLOWGATE_FLOW_TIMEOUT must be a whole number from 1 to 3600",
            "FLOWGATE_PORT         | ٨٠٨٠                      | FLOWGATE_PORT must be a whole number from 0 to 65535",
            "FLOWGATE_CLOCK_SKEW   | +5                        | FLOWGATE_CLOCK_SKEW must be a whole number from 0 to 600",
            "FLOWGATE_MAX_BODY     | ١٠٢٤                      | FLOWGATE_MAX_BODY must be a size from 1KiB to 100MiB",
            "FLOWGATE_MAX_BODY     | -1MiB                     | FLOWGATE_MAX_BODY must be a size from 1KiB to 100MiB",
            "FLOWGATE_MAX_BODY     | 99999999999999999MiB      | FLOWGATE_MAX_BODY must be a size from 1KiB to 100MiB",
            "FLOWGATE_PUBLIC_URL   | https://x.example.com/base | FLOWGATE_PUBLIC_URL must be an absolute http(s) URL",
            "FLOWGATE_PUBLIC_URL   | https://x.example.com//   | FLOWGATE_PUBLIC_URL must be an absolute http(s) URL",
            "FLOWGATE_PUBLIC_URL   | https://x.example.com#top | FLOWGATE_PUBLIC_URL must be an absolute http(s) URL",
            "FLOWGATE_PUBLIC_URL   | https://x.example.com:99999 | FLOWGATE_PUBLIC_URL must be an absolute http(s) URL",
            "FLOWGATE_DB_URL       | jdbc:postgresql://db:abc/flowgate | FLOWGATE_DB_URL must be a PostgreSQL JDBC URL",
            "FLOWGATE_DB_URL       | jdbc:postgresql://db:99999/flowgate | FLOWGATE_DB_URL must be a PostgreSQL JDBC URL",
            "FLOWGATE_DB_URL       | jdbc:mysql://db/flowgate  | FLOWGATE_DB_URL must be a PostgreSQL JDBC URL",
            "FLOWGATE_OPERATOR_TOKEN | operator-tökén-0123456789 | FLOWGATE_OPERATOR_TOKEN must be at least 16",
            "FLOWGATE_MASTER_KEY   | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ== | FLOWGATE_MASTER_KEY must be 32 random bytes",
    })
    void badValue_stopsTheStartWithALineNamingTheVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }
}
