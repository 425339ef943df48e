package org.imagelabeler.platform.feature;

import org.imagelabeler.platform.security.Subject;

/**
 * A feature source that transactions may change (WFS-T). The caller has asked the access policy
 * for write access to the layer; the store applies its own domain rules (validation, roles,
 * versions, audit) and applies a transaction entirely or not at all.
 */
public interface FeatureStore extends FeatureSource {

    /**
     * Applies every action of {@code transaction} in one database transaction.
     *
     * @throws TransactionException naming the action, feature and property at fault; nothing changed
     */
    TransactionResult apply(FeatureTransaction transaction, Subject subject);
}
