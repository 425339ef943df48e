package org.imagelabeler.platform.security;

import java.util.List;
import java.util.function.Supplier;

/**
 * The access policy: administrators may do everything; otherwise the contributed
 * {@link AccessRule}s are asked in priority order and the first that does not abstain decides.
 * When all abstain, access is denied.
 */
public final class RuleBasedAccessPolicy implements AccessPolicy {

    private final Supplier<List<AccessRule>> rules;

    public RuleBasedAccessPolicy(Supplier<List<AccessRule>> rules) {
        this.rules = rules;
    }

    @Override
    public boolean allows(Subject subject, AccessTarget target, AccessMode mode) {
        if (subject.isAdmin()) {
            return true;
        }
        for (AccessRule rule : rules.get()) {
            AccessDecision decision = rule.decide(subject, target, mode);
            if (decision != AccessDecision.ABSTAIN) {
                return decision == AccessDecision.ALLOW;
            }
        }
        return false;
    }
}
