package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalConfigTest {
    @Test
    void defaultsServePort3000AndStartMoto() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of(), new String[0]);

        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.endpoint()).isNull();
        assertThat(config.tableName()).isEqualTo("socialdeclik-local");
        assertThat(config.webBaseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.moderation()).isNull();
        assertThat(config.webPort()).isEqualTo(8080);
        assertThat(config.concurrency()).isEqualTo(LocalConfig.DEFAULT_CONCURRENCY).isEqualTo(4);
    }

    @Test
    void localConcurrencySetsTheContainersPerFunction() {
        assertThat(LocalConfig.fromEnvironment(Map.of("LOCAL_CONCURRENCY", " 1 "), new String[0]).concurrency())
                .isEqualTo(1);
        assertThat(LocalConfig.defaults().withConcurrency(8).concurrency()).isEqualTo(8);
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("LOCAL_CONCURRENCY", "0"), new String[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOCAL_CONCURRENCY must be 1..64");
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("LOCAL_CONCURRENCY", "many"), new String[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOCAL_CONCURRENCY");
    }

    @Test
    void makeRunServesTheWebAppWhichIsThenTheWebBaseUrlButTestsDoNotByDefault() {
        assertThat(LocalConfig.defaults().servesWeb()).isFalse();
        assertThat(LocalConfig.defaults().webBaseUrl()).isEqualTo("http://127.0.0.1:8080");

        LocalConfig moved = LocalConfig.fromEnvironment(Map.of("WEB_PORT", "8181", "WEB_ROOT", "/x/dist"), new String[0]);
        assertThat(moved.webPort()).isEqualTo(8181);
        assertThat(moved.webBaseUrl()).isEqualTo("http://127.0.0.1:8181");
        assertThat(moved.webRoot()).isEqualTo(Path.of("/x/dist"));

        LocalConfig anyPort = LocalConfig.fromEnvironment(Map.of(), new String[] {"--web-port", "0"});
        assertThat(anyPort.webPort()).isZero();
        assertThat(anyPort.webBaseUrl()).as("the server's own address, known once bound").isNull();

        LocalConfig elsewhere = LocalConfig.fromEnvironment(Map.of("WEB_BASE_URL", "http://127.0.0.1:9000"),
                new String[] {"--web-port", "8282"});
        assertThat(elsewhere.webPort()).isEqualTo(8282);
        assertThat(elsewhere.webBaseUrl()).isEqualTo("http://127.0.0.1:9000");

        LocalConfig off = LocalConfig.fromEnvironment(Map.of("WEB_PORT", "off"), new String[0]);
        assertThat(off.servesWeb()).isFalse();
        assertThat(off.webBaseUrl()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void theEnvironmentOfMakeRunIsRead() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of("PORT", "3001", "MODERATION", "OFF",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "MOTO_SERVER", "/x/moto_server",
                "SENDER_EMAIL", "me@example.org", "WEB_BASE_URL", "http://127.0.0.1:9000"), new String[0]);

        assertThat(config.port()).isEqualTo(3001);
        assertThat(config.moderation()).isEqualTo("off");
        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(config.motoServer()).isEqualTo(Path.of("/x/moto_server"));
        assertThat(config.variableOverrides()).containsEntry("SENDER_EMAIL", "me@example.org");
        assertThat(config.webBaseUrl()).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of("PORT", "3001"),
                new String[] {"--port", "4000", "--table=t-1", "--moderation", "off"});

        assertThat(config.port()).isEqualTo(4000);
        assertThat(config.tableName()).isEqualTo("t-1");
        assertThat(config.moderation()).isEqualTo("off");
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("MODERATION", "maybe"), new String[0]))
                .hasMessageContaining("MODERATION");
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of(), new String[] {"--colour", "red"}))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("PORT", "abc"), new String[0]))
                .hasMessageContaining("port");
    }
}
