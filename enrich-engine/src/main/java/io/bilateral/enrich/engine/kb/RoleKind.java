package io.bilateral.enrich.engine.kb;

/** The kind of actor a role noun names (rules/roles.tsv, column 2). */
public enum RoleKind {
    /** A person in a role: "minister", "president". */
    PERSON,
    /** A state's body: "government", "ministry", "army"; it makes an organisation act for its state. */
    GROUP,
    /** A company: no party to relations between states. */
    BUSINESS,
    /** The state itself: "side", "country". */
    SELF
}
