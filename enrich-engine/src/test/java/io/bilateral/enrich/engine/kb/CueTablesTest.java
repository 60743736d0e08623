package io.bilateral.enrich.engine.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two cue tables: the generated CAMEO table (rules/cameo-cues.tsv) and the own one (rules/event-cues.tsv). */
class CueTablesTest {

    @Test
    void shouldLoadTheGeneratedTableBesideTheOwnOne() {
        List<EventCue> cues = RuleTables.bundled().cues;
        assertThat(cues).hasSizeGreaterThan(30_000);
        assertThat(cues).allSatisfy(c -> {
            assertThat(c.code()).matches("\\d{3,4}");
            assertThat(c.goldstein()).isBetween(-10.0, 10.0);
            assertThat(c.pattern()).isNotBlank().isLowerCase();
        });
        // CAMEO's own words, beyond the hand-written table
        assertThat(cues)
                .extracting(EventCue::pattern, EventCue::code)
                .contains(tuple("apologized", "055"), tuple("boycotted", "163"), tuple("rebuked", "111"));
    }

    @Test
    void shouldTakeGoldsteinFromItsTable() {
        Map<String, Double> scale = new HashMap<>();
        Table.read(TableSource.bundled(), "rules/goldstein.tsv", 2, 3)
                .forEach(row -> scale.put(row.text(1), row.goldstein(2)));
        List<EventCue> generated = RuleTables.loadCues("engine/cues/empty.tsv", RuleTables.GENERATED_CUES);
        assertThat(generated).allSatisfy(c -> {
            String code = c.code();
            Double g = scale.getOrDefault(
                    code, scale.getOrDefault(code.substring(0, 3), scale.get(code.substring(0, 2) + "0")));
            assertThat(c.goldstein()).as(c.pattern()).isEqualTo(g);
        });
    }

    @Test
    void shouldLetTheOwnTableWinWhereBothHaveAPattern() {
        List<EventCue> cues = RuleTables.loadCues("engine/cues/own.tsv", "engine/cues/generated.tsv");
        assertThat(cues)
                .extracting(EventCue::pattern, EventCue::code)
                .containsExactly(
                        tuple("met", "040"),
                        tuple("visit*", "042"),
                        tuple("security cooperation", "064"),
                        // "met" and "visited" are the own table's ("visit*" covers "visited"), "step up security"
                        // would take the first word of the own "security cooperation"; the rest is added
                        tuple("met for talks", "036"),
                        tuple("apologized", "055"));
    }
}
