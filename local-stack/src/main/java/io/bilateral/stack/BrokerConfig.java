package io.bilateral.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings of the single-node KRaft broker that {@link BrokerMain} runs, and the Kafka properties
 * derived from them.
 *
 * <p>Command line: {@code --data-dir DIR [--port N] [--controller-port N] [key=value ...]}; every
 * {@code key=value} is a broker property that overrides the defaults. Each option can also come from a
 * system property ({@value #DATA_DIR_PROPERTY}, {@value #PORT_PROPERTY},
 * {@value #CONTROLLER_PORT_PROPERTY}); the command line wins.
 *
 * @param dataDir the broker's log directory (also its metadata directory)
 * @param port the client listener on 127.0.0.1
 * @param controllerPort the KRaft controller listener on 127.0.0.1
 * @param overrides broker properties applied last
 */
public record BrokerConfig(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {

    public static final String DATA_DIR_PROPERTY = "bilateral.broker.dataDir";
    public static final String PORT_PROPERTY = "bilateral.broker.port";
    public static final String CONTROLLER_PORT_PROPERTY = "bilateral.broker.controllerPort";
    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    /**
     * Override key (not a Kafka property) with the cluster id to format a new node with: every node of a cluster must
     * share it. Without it, a one-node broker formats with a random id.
     */
    public static final String CLUSTER_ID = "bilateral.cluster.id";

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    /** The default of 128 MB is sized for big production logs; a local broker compacts small topics. */
    private static final String DEDUPE_BUFFER_BYTES = String.valueOf(8 * 1024 * 1024);

    public BrokerConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        checkPort("port", port);
        checkPort("controller port", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("port and controller port must differ: " + port);
        }
        overrides = Map.copyOf(overrides);
    }

    /** A broker with default ports and no overrides. */
    public static BrokerConfig of(Path dataDir) {
        return new BrokerConfig(dataDir, DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, Map.of());
    }

    /**
     * Node {@code nodeId} (1-based) of a cluster of {@code ports.size()} nodes on 127.0.0.1, each a combined broker and
     * controller: the controller quorum is every node, internal topics have three replicas (or as many as there are
     * nodes) and need two in sync, and new topics get the same unless created otherwise.
     *
     * @param ports client and controller port of each node, in node id order
     */
    public static BrokerConfig clusterNode(Path dataDir, int nodeId, List<int[]> ports, String clusterId) {
        if (nodeId < 1 || nodeId > ports.size()) {
            throw new IllegalArgumentException("node id " + nodeId + " is not in 1.." + ports.size());
        }
        Map<String, String> overrides = new LinkedHashMap<>(clusterSettings(ports.size()));
        overrides.put("node.id", String.valueOf(nodeId));
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            voters.add((i + 1) + "@" + HOST + ":" + ports.get(i)[1]);
        }
        overrides.put("controller.quorum.voters", String.join(",", voters));
        overrides.put(CLUSTER_ID, clusterId);
        int[] own = ports.get(nodeId - 1);
        return new BrokerConfig(dataDir, own[0], own[1], overrides);
    }

    /**
     * Replication settings of a cluster of {@code nodes}: with three or more, three replicas and two in sync, so one
     * node may fail without losing an acknowledged write or stopping writes.
     */
    public static Map<String, String> clusterSettings(int nodes) {
        String replicas = String.valueOf(Math.min(3, nodes));
        String minInsync = String.valueOf(Math.max(1, Math.min(3, nodes) - 1));
        Map<String, String> props = new TreeMap<>();
        props.put("offsets.topic.replication.factor", replicas);
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minInsync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minInsync);
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", minInsync);
        return props;
    }

    /** The cluster id to format with, if one was given ({@link #CLUSTER_ID}). */
    public Optional<String> clusterId() {
        return Optional.ofNullable(overrides.get(CLUSTER_ID));
    }

    /** Parses {@link BrokerMain}'s arguments, falling back to {@code system} properties, then defaults. */
    public static BrokerConfig parse(List<String> args, Properties system) {
        String dataDir = system.getProperty(DATA_DIR_PROPERTY);
        String port = system.getProperty(PORT_PROPERTY, String.valueOf(DEFAULT_PORT));
        String controllerPort = system.getProperty(CONTROLLER_PORT_PROPERTY, String.valueOf(DEFAULT_CONTROLLER_PORT));
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
            String arg = it.next();
            switch (arg) {
                case "--data-dir" -> dataDir = value(arg, it);
                case "--port" -> port = value(arg, it);
                case "--controller-port" -> controllerPort = value(arg, it);
                default -> {
                    int eq = arg.indexOf('=');
                    if (arg.startsWith("-") || eq <= 0) {
                        throw new IllegalArgumentException("unknown argument '" + arg
                                + "'; expected --data-dir, --port, --controller-port or key=value");
                    }
                    overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
                }
            }
        }
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("--data-dir (or -D" + DATA_DIR_PROPERTY + ") is required");
        }
        return new BrokerConfig(
                Path.of(dataDir), parsePort("--port", port), parsePort("--controller-port", controllerPort), overrides);
    }

    /** The arguments that {@link #parse} turns back into this config, for starting {@link BrokerMain}. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(
                "--data-dir",
                dataDir.toString(),
                "--port",
                String.valueOf(port),
                "--controller-port",
                String.valueOf(controllerPort)));
        new TreeMap<>(overrides).forEach((k, v) -> args.add(k + "=" + v));
        return args;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The complete broker configuration: combined broker and controller, one node, 127.0.0.1 only. */
    public Map<String, String> brokerProperties() {
        Map<String, String> props = new TreeMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // a static voter set needs no dynamic-quorum bootstrap when formatting
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.putAll(singleNodeSettings());
        props.putAll(overrides);
        props.remove(CLUSTER_ID);
        return props;
    }

    /**
     * What any one-node broker needs, including the in-JVM test broker: replication settings one node can
     * satisfy, a small cleaner buffer and no delay before the first consumer-group rebalance.
     */
    public static Map<String, String> singleNodeSettings() {
        return Map.of(
                // internal topics default to 3 replicas, which one node can never satisfy
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "log.cleaner.dedupe.buffer.size", DEDUPE_BUFFER_BYTES,
                // nobody else will join: do not hold the first rebalance back for 3 s
                "group.initial.rebalance.delay.ms", "0");
    }

    private static String value(String option, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static int parsePort(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a port number, got '" + value + "'", e);
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be in 1..65535, got " + port);
        }
    }
}
