package io.bilateral.ingest;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import io.bilateral.ingest.config.IngestSettings;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest-service process: reads the settings, starts {@link IngestService}, stops it on SIGTERM/Ctrl-C. */
public final class App {

    /**
     * JVM options the local stack runs the service with. Its live heap stays near 20 MB even under hostile feeds, but
     * without a cap the JVM sizes the heap from the machine's memory and lets garbage pile up to over 300 MiB of RSS.
     */
    public static final List<String> JVM_ARGS = List.of("-Xmx256m");

    private App() {}

    public static void main(String[] args) {
        // slf4j-simple's defaults (root WARN, the project INFO) unless the command line says otherwise. Set here, not
        // in a simplelogger.properties, because this jar is also on the CLI's classpath, which has its own.
        System.setProperty(
                "org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty(
                "org.slf4j.simpleLogger.log.io.bilateral",
                System.getProperty("org.slf4j.simpleLogger.log.io.bilateral", "info"));
        Logger log = LoggerFactory.getLogger(App.class);

        IngestService service;
        try {
            service = IngestService.start(Settings.fromProcess(IngestSettings.DEFAULTS));
        } catch (ConfigException | UncheckedIOException e) {
            // A bad setting or a taken port: the message says which; a stack trace would only bury it.
            log.error("ingest-service cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "ingest-shutdown"));
        log.info("ingest-service ready: POST {}/articles", service.uri());
    }
}
