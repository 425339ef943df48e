package org.imagelabeler.platform.security;

/** A rule's answer; {@link #ABSTAIN} passes the question to the next rule. */
public enum AccessDecision {
    ALLOW,
    DENY,
    ABSTAIN
}
