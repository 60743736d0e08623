package io.bilateral.ingest;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import io.bilateral.ingest.config.IngestSettings;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest-service process: reads the settings, starts {@link IngestService}, stops it on SIGTERM/Ctrl-C. */
public final class App {

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
