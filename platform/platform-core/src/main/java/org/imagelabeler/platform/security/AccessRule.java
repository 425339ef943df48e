package org.imagelabeler.platform.security;

import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * A contributor to the access policy. Rules are asked in priority order (see
 * {@link ExtensionPriority}); the first that does not abstain decides. The data dir's layer rules
 * come last, so plugins (the labeler's event and team rules) speak first for what they own.
 */
public interface AccessRule extends ExtensionPriority {

    AccessDecision decide(Subject subject, AccessTarget target, AccessMode mode);

    @Override
    default int getPriority() {
        return NORMAL;
    }
}
