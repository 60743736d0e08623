package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.WordSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The word lists of the rule name tagger, one rule family each ({@code rules/name-words.tsv}). */
public final class NameWords {

    /** The lists a name-words table must hold, each once. */
    static final Set<String> LISTS = Set.of(
            "titles",
            "org-heads",
            "sentence-words",
            "calendar",
            "links",
            "misc-heads",
            "treaty-heads",
            "number-words",
            "club-words",
            "fixture",
            "team-roles",
            "locatives",
            "place-nouns",
            "speech",
            "org-before",
            "org-after");

    public final WordSet titles;
    public final WordSet orgHeads;
    /** Company legal forms (rules/legal-forms.tsv). */
    public final WordSet legalForms;

    public final WordSet sentenceWords;
    public final WordSet calendar;
    public final WordSet links;
    public final WordSet miscHeads;
    /** Words after a city that make it a treaty's name ("Vienna Convention", "Minsk agreements"), in any case. */
    public final WordSet treatyHeads;

    public final WordSet numberWords;
    public final WordSet clubWords;
    public final WordSet fixture;
    public final WordSet teamRoles;
    public final WordSet locatives;
    public final WordSet placeNouns;
    public final WordSet speech;
    public final WordSet orgBefore;
    public final WordSet orgAfter;

    NameWords(Table table, WordSet legalForms) {
        String resource = table.file();
        Map<String, WordSet> lists = new HashMap<>();
        for (Table.Row row : table.rows()) {
            String name = row.oneOf(1, LISTS);
            if (lists.containsKey(name)) {
                throw row.fail(1, "the list '" + name + "' is given twice");
            }
            lists.put(name, WordSet.of(Arrays.asList(row.lowerCase(2).trim().split(" +"))));
        }
        titles = list(lists, resource, "titles");
        orgHeads = list(lists, resource, "org-heads");
        this.legalForms = legalForms; // rules/legal-forms.tsv, shared with country attribution
        sentenceWords = list(lists, resource, "sentence-words");
        calendar = list(lists, resource, "calendar");
        links = list(lists, resource, "links");
        miscHeads = list(lists, resource, "misc-heads");
        treatyHeads = list(lists, resource, "treaty-heads");
        numberWords = list(lists, resource, "number-words");
        clubWords = list(lists, resource, "club-words");
        fixture = list(lists, resource, "fixture");
        teamRoles = list(lists, resource, "team-roles");
        locatives = list(lists, resource, "locatives");
        placeNouns = list(lists, resource, "place-nouns");
        speech = list(lists, resource, "speech");
        orgBefore = list(lists, resource, "org-before");
        orgAfter = list(lists, resource, "org-after");
    }

    private static WordSet list(Map<String, WordSet> lists, String resource, String name) {
        WordSet w = lists.get(name);
        if (w == null) {
            throw new TableException(resource + ": the list '" + name + "' is missing");
        }
        return w;
    }
}
