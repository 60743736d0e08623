package io.bilateral.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RegistryClientOptionsTest {

    @Test
    void shouldReadSettingsAndTakeCredentialsFromTheEnvironmentOnly() {
        Map<String, String> env = Map.of(
                "BILATERAL_REGISTRY_URL",
                "http://registry:8081/",
                "BILATERAL_REGISTRY_BASIC_AUTH_USER_INFO",
                "svc:s3cret");
        Settings settings = Settings.load(Map.of("registry.request.timeout", "3s"), null, env, new Properties());

        RegistryClientOptions options = RegistryClientOptions.fromSettings(settings);

        assertEquals(URI.create("http://registry:8081"), options.baseUrl(), "trailing slash dropped");
        assertEquals(Duration.ofSeconds(3), options.requestTimeout());
        assertEquals(RegistryClientOptions.DEFAULT_CONNECT_TIMEOUT, options.connectTimeout());
        assertEquals(Optional.of("svc:s3cret"), options.basicAuth());
    }

    @Test
    void shouldIgnoreCredentialsThatAreNotInTheEnvironment() {
        Settings settings = Settings.of(
                Map.of("registry.url", "http://registry:8081", "registry.basic.auth.user.info", "svc:from-a-file"));

        assertEquals(
                Optional.empty(), RegistryClientOptions.fromSettings(settings).basicAuth());
    }

    @Test
    void shouldNeverPrintThePassword() {
        RegistryClientOptions options =
                RegistryClientOptions.of("http://registry:8081").withBasicAuth("svc", "s3cret");

        assertThat(options.toString()).doesNotContain("s3cret").contains("basicAuth=***");
    }

    @Test
    void shouldRejectANonHttpUrl() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RegistryClientOptions.of("registry:8081"));

        assertEquals("registry base URL must be an http(s) URL, got 'registry:8081'", e.getMessage());
    }

    @Test
    void shouldNameTheSettingOfAMalformedUrl() {
        Settings settings = Settings.of(Map.of("registry.url", "http://bad host"));

        ConfigException e = assertThrows(ConfigException.class, () -> RegistryClientOptions.fromSettings(settings));

        assertThat(e.getMessage()).startsWith("setting 'registry.url' = 'http://bad host' is not a URL");
    }
}
