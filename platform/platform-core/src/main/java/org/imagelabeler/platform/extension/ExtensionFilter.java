package org.imagelabeler.platform.extension;

/**
 * Lets a module veto extensions contributed by others (for instance to disable a service or an
 * output format by configuration) without removing their jar.
 */
@FunctionalInterface
public interface ExtensionFilter {

    /** Returns {@code true} to hide {@code extension}, registered under {@code beanName}. */
    boolean exclude(String beanName, Object extension);
}
