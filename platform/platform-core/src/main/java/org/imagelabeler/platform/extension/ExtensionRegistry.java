package org.imagelabeler.platform.extension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;

/**
 * Typed lookup of the extensions that modules and plugin jars contribute as beans: GeoServer's
 * {@code GeoServerExtensions.extensions(Class)} with injection instead of a static accessor.
 * Results are sorted by {@link ExtensionPriority} (then by {@link Ordered}), and filtered by every
 * {@link ExtensionFilter}. Lookups are cached: the set of beans is fixed once the context is up.
 */
public class ExtensionRegistry implements ApplicationListener<ContextRefreshedEvent> {

    private final ListableBeanFactory beans;
    private final Map<Class<?>, List<?>> cache = new ConcurrentHashMap<>();

    public ExtensionRegistry(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> extensions(Class<T> type) {
        return (List<T>) cache.computeIfAbsent(type, this::lookup);
    }

    public <T> Optional<T> first(Class<T> type) {
        List<T> all = extensions(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private <T> List<T> lookup(Class<T> type) {
        Map<String, T> candidates = beans.getBeansOfType(type, true, true);
        Map<String, ExtensionFilter> filters =
                type == ExtensionFilter.class ? Map.of() : beans.getBeansOfType(ExtensionFilter.class);
        List<T> result = new ArrayList<>();
        candidates.forEach((name, bean) -> {
            boolean vetoed = filters.values().stream().anyMatch(f -> f.exclude(name, bean));
            if (!vetoed) {
                result.add(bean);
            }
        });
        result.sort(Comparator.comparingInt(ExtensionRegistry::priority).thenComparingInt(ExtensionRegistry::order));
        return List.copyOf(result);
    }

    static int priority(Object extension) {
        return extension instanceof ExtensionPriority p ? p.getPriority() : ExtensionPriority.NORMAL;
    }

    private static int order(Object extension) {
        return extension instanceof Ordered o ? o.getOrder() : 0;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        cache.clear();
    }
}
