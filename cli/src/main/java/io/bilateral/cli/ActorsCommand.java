package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.enrich.engine.kb.ActorType;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.schemas.ActorEntry;
import io.bilateral.serde.AvroJson;
import io.bilateral.topics.ClientConfigs;
import io.bilateral.topics.Topic;
import io.bilateral.topics.TopicTableReader;
import io.bilateral.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ./bilateral actors add|list|remove}: manages the runtime dictionary in {@code reference.actors}. The
 * enrich-service reads the topic as a GlobalKTable, so a change applies to the next article without a restart.
 */
final class ActorsCommand {

    static final String USAGE =
            "actors add --id ID --name NAME --type PERSON|ORGANIZATION|INSTITUTION|COUNTRY|NORP|LOCATION"
                    + " [--country AAA] [--role ROLE] [--aliases 'A|B'] | actors list [--country AAA] [--type T] [--json]"
                    + " | actors remove ID";
    /** The dictionary's kinds, as the enrich-service reads them back from the topic. */
    private static final Set<String> TYPES =
            Arrays.stream(ActorType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private final PrintStream out;

    ActorsCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    int run(List<String> argv) {
        if (argv.isEmpty()) {
            throw new UsageException("actors needs a subcommand: " + USAGE);
        }
        List<String> rest = argv.subList(1, argv.size());
        Topic<String, ActorEntry> topic =
                Topics.create(HttpSchemaRegistryClient.fromSettings(settings)).referenceActors();
        return switch (argv.get(0)) {
            case "add" ->
                add(topic, Args.parse(rest, Set.of("id", "name", "type", "country", "role", "aliases"), Set.of()));
            case "list" -> list(topic, Args.parse(rest, Set.of("country", "type"), Set.of("json")));
            case "remove" -> remove(topic, Args.parse(rest, Set.of(), Set.of()));
            default -> throw new UsageException("unknown actors subcommand '" + argv.get(0) + "': " + USAGE);
        };
    }

    /** Validates what a user typed into an entry; every error names the option. */
    static ActorEntry entry(Args args, Instant now) {
        String id = required(args, "id");
        String type = required(args, "type").toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new UsageException("--type: '" + type + "' is not one of " + new TreeSet<>(TYPES));
        }
        String country =
                args.option("country").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        if (country != null && !country.matches("[A-Z]{3}")) {
            throw new UsageException("--country: '" + country + "' is not an ISO 3166-1 alpha-3 code like IRN");
        }
        List<String> aliases = args.option("aliases")
                .map(a -> Arrays.stream(a.split("\\|"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
        return ActorEntry.newBuilder()
                .setId(id)
                .setName(required(args, "name"))
                .setAliases(aliases)
                .setType(type)
                .setCountry(country)
                .setRole(args.option("role").orElse(null))
                .setUpdatedAt(now)
                .build();
    }

    private static String required(Args args, String name) {
        String value = args.option(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new UsageException("--" + name + " is required: " + USAGE);
        }
        return value;
    }

    private int add(Topic<String, ActorEntry> topic, Args args) {
        ActorEntry entry = entry(args, Instant.now());
        send(topic, entry.getId(), entry);
        out.println("Published " + entry.getId() + " (" + entry.getType()
                + (entry.getCountry() == null ? "" : ", " + entry.getCountry())
                + "); the enrich-service uses it from the next article on.");
        return 0;
    }

    private int remove(Topic<String, ActorEntry> topic, Args args) {
        if (args.positional().size() != 1) {
            throw new UsageException("actors remove takes one actor id");
        }
        String id = args.positional().get(0);
        send(topic, id, null);
        out.println("Removed " + id + " (a tombstone in " + topic.name() + ").");
        return 0;
    }

    private int list(Topic<String, ActorEntry> topic, Args args) {
        Map<String, ActorEntry> all = new TopicTableReader(settings.kafkaProperties()).readToEnd(topic, TIMEOUT);
        String country =
                args.option("country").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        String type = args.option("type").map(t -> t.toUpperCase(Locale.ROOT)).orElse(null);
        List<ActorEntry> shown = new ArrayList<>();
        for (ActorEntry e : all.values()) {
            if ((country == null || country.equals(e.getCountry())) && (type == null || type.equals(e.getType()))) {
                shown.add(e);
            }
        }
        shown.sort(Comparator.comparing(ActorEntry::getId));
        for (ActorEntry e : shown) {
            if (args.flag("json")) {
                out.println(AvroJson.toJsonString(e));
            } else {
                out.printf(
                        Locale.ROOT,
                        "%-40s %-12s %-4s %s%s%n",
                        e.getId(),
                        e.getType(),
                        e.getCountry() == null ? "-" : e.getCountry(),
                        e.getName(),
                        e.getRole() == null ? "" : " (" + e.getRole() + ")");
            }
        }
        if (!args.flag("json")) {
            out.println("-- " + shown.size() + " of " + all.size() + " actors");
        }
        return 0;
    }

    private void send(Topic<String, ActorEntry> topic, String key, ActorEntry value) {
        try (KafkaProducer<String, ActorEntry> producer = new KafkaProducer<>(
                ClientConfigs.reliableWriter(settings.kafkaProperties()),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic.name(), e);
        }
    }
}
