package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.ingest.config.IngestSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line's settings: where the local stack keeps its data and which ports it uses. The stack's own
 * services get theirs from these through the environment.
 */
final class CliSettings {

    static final String DATA_DIR = "data.dir";
    static final String REPO_ROOT = "repo.root";
    static final String BROKER_PORT = "broker.port";
    static final String CONTROLLER_PORT = "controller.port";
    static final String REGISTRY_PORT = "registry.port";
    static final String INGEST_PORT = "ingest.port";
    static final String ENRICH_PORT = "enrich.port";

    private CliSettings() {}

    static Settings load() {
        Path root = Path.of(System.getProperty("bilateral.repo.root", "."))
                .toAbsolutePath()
                .normalize();
        Settings base = Settings.fromProcess(Map.of(
                REPO_ROOT, root.toString(),
                DATA_DIR, root.resolve(".bilateral").toString(),
                BROKER_PORT, "9092",
                CONTROLLER_PORT, "9093",
                REGISTRY_PORT, "8081",
                INGEST_PORT, "8080",
                ENRICH_PORT, "8090"));
        // client defaults follow the ports unless set explicitly; file ingest uses the ingest-service's limits
        Map<String, String> defaults = new HashMap<>(IngestSettings.DEFAULTS);
        defaults.putAll(base.asMap());
        defaults.put("kafka.bootstrap.servers", "127.0.0.1:" + base.string(BROKER_PORT));
        defaults.put("registry.url", "http://127.0.0.1:" + base.string(REGISTRY_PORT) + "/apis/ccompat/v7");
        return Settings.fromProcess(defaults);
    }
}
