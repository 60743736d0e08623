package io.bilateral.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats a KRaft node's directories once, as {@code kafka-storage.sh format} would. */
final class KraftStorage {

    private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {}

    /**
     * Formats the log and metadata directories of {@code config} with a new cluster id unless they are
     * formatted already, so a restart keeps its data.
     *
     * @return whether the directories were formatted now
     */
    static boolean formatIfNeeded(KafkaConfig config) throws Exception {
        return formatIfNeeded(config, Uuid.randomUuid().toString());
    }

    /** As {@link #formatIfNeeded(KafkaConfig)}, with the cluster id every node of a cluster shares. */
    static boolean formatIfNeeded(KafkaConfig config, String clusterId) throws Exception {
        if (isFormatted(Path.of(config.metadataLogDir()))) {
            log.info("reusing formatted storage in {}", config.metadataLogDir());
            return false;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setClusterId(clusterId)
                    .setNodeId(config.nodeId())
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(config.logDirs())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        }
        log.info("formatted {} for new cluster {}", config.logDirs(), clusterId);
        log.debug("formatter output: {}", out.toString(StandardCharsets.UTF_8).strip());
        return true;
    }

    /** A formatted directory has a meta.properties with the cluster and node ids. */
    static boolean isFormatted(Path dir) {
        return Files.isRegularFile(dir.resolve("meta.properties"));
    }
}
