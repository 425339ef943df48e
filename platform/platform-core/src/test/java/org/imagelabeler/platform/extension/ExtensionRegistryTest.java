package org.imagelabeler.platform.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;

/** Typed lookup of extension beans in a small Spring context: order, filters, caching. */
class ExtensionRegistryTest {

    /** The extension point under test. */
    interface Greeter {
        String name();
    }

    /** Another extension point, with no implementations. */
    interface Unused {}

    record Plain(String name) implements Greeter {}

    record Prioritised(String name, int priority) implements Greeter, ExtensionPriority {
        @Override
        public int getPriority() {
            return priority;
        }
    }

    record PrioritisedAndOrdered(String name, int priority, int order) implements Greeter, ExtensionPriority, Ordered {
        @Override
        public int getPriority() {
            return priority;
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    /** Hides the beans whose names it holds; the set may change while the context runs. */
    static final class NameFilter implements ExtensionFilter {
        final Set<String> hidden = new HashSet<>();
        final AtomicInteger calls = new AtomicInteger();

        NameFilter(String... names) {
            hidden.addAll(List.of(names));
        }

        @Override
        public boolean exclude(String beanName, Object extension) {
            calls.incrementAndGet();
            return hidden.contains(beanName);
        }
    }

    private AnnotationConfigApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    /** A context with the registry and some greeters, registered in a deliberately shuffled order. */
    private ExtensionRegistry start(NameFilter filter) {
        context = new AnnotationConfigApplicationContext();
        context.registerBean("registry", ExtensionRegistry.class, () -> new ExtensionRegistry(context));
        context.registerBean("lowest", Greeter.class, () -> new Prioritised("lowest", ExtensionPriority.LOWEST));
        context.registerBean("plain", Greeter.class, () -> new Plain("plain"));
        context.registerBean("highest", Greeter.class, () -> new Prioritised("highest", ExtensionPriority.HIGHEST));
        context.registerBean("early", Greeter.class, () -> new Prioritised("early", 10));
        context.registerBean("late", Greeter.class, () -> new Prioritised("late", 70));
        if (filter != null) {
            context.registerBean("filter", NameFilter.class, () -> filter);
        }
        context.refresh();
        return context.getBean(ExtensionRegistry.class);
    }

    private static List<String> names(List<Greeter> greeters) {
        return greeters.stream().map(Greeter::name).toList();
    }

    @Test
    void extensionsAreSortedByPriorityWithUnprioritisedBeansAtFifty() {
        ExtensionRegistry registry = start(null);

        assertThat(names(registry.extensions(Greeter.class)))
                .containsExactly("highest", "early", "plain", "late", "lowest");
        assertThat(registry.first(Greeter.class)).map(Greeter::name).contains("highest");
    }

    @Test
    void beanWithoutPriorityRanksLikeNormalPriority() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean("plain", Greeter.class, () -> new Plain("plain"));
        context.registerBean("just-after", Greeter.class, () -> new Prioritised("just-after", 51));
        context.registerBean("just-before", Greeter.class, () -> new Prioritised("just-before", 49));
        context.refresh();
        ExtensionRegistry registry = new ExtensionRegistry(context);

        assertThat(names(registry.extensions(Greeter.class))).containsExactly("just-before", "plain", "just-after");
        assertThat(ExtensionRegistry.priority(new Plain("x"))).isEqualTo(ExtensionPriority.NORMAL);
        assertThat(ExtensionRegistry.priority("not an extension")).isEqualTo(50);
    }

    @Test
    void equalPrioritiesAreOrderedBySpringOrder() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean("b", Greeter.class, () -> new PrioritisedAndOrdered("b", 20, 5));
        context.registerBean("a", Greeter.class, () -> new PrioritisedAndOrdered("a", 20, -5));
        context.registerBean("c", Greeter.class, () -> new PrioritisedAndOrdered("c", 10, 100));
        context.refresh();
        ExtensionRegistry registry = new ExtensionRegistry(context);

        assertThat(names(registry.extensions(Greeter.class))).containsExactly("c", "a", "b");
    }

    @Test
    void filterBeanCanVetoAnExtension() {
        NameFilter filter = new NameFilter("early");
        ExtensionRegistry registry = start(filter);

        assertThat(names(registry.extensions(Greeter.class))).containsExactly("highest", "plain", "late", "lowest");
        assertThat(filter.calls).hasPositiveValue();
    }

    @Test
    void filterCanVetoTheFirstExtension() {
        ExtensionRegistry registry = start(new NameFilter("highest"));

        assertThat(registry.first(Greeter.class)).map(Greeter::name).contains("early");
    }

    @Test
    void filtersAreNotAppliedToFiltersThemselves() {
        NameFilter filter = new NameFilter("filter");
        ExtensionRegistry registry = start(filter);

        assertThat(registry.extensions(ExtensionFilter.class)).containsExactly(filter);
    }

    @Test
    void noExtensionsGiveAnEmptyList() {
        ExtensionRegistry registry = start(null);

        assertThat(registry.extensions(Unused.class)).isEmpty();
        assertThat(registry.first(Unused.class)).isEmpty();
    }

    @Test
    void resultIsImmutable() {
        ExtensionRegistry registry = start(null);

        List<Greeter> greeters = registry.extensions(Greeter.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> greeters.add(new Plain("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resultIsCachedUntilAContextRefreshedEvent() {
        NameFilter filter = new NameFilter();
        ExtensionRegistry registry = start(filter);
        List<Greeter> first = registry.extensions(Greeter.class);
        assertThat(names(first)).containsExactly("highest", "early", "plain", "late", "lowest");
        int filterCalls = filter.calls.get();

        // the filter changes its mind and a new bean appears: the cached answer stands
        filter.hidden.add("plain");
        context.registerBean("added", Greeter.class, () -> new Prioritised("added", 1));
        List<Greeter> cached = registry.extensions(Greeter.class);
        assertThat(cached).isSameAs(first);
        assertThat(filter.calls.get()).as("no new lookup").isEqualTo(filterCalls);

        context.publishEvent(new ContextRefreshedEvent(context));

        assertThat(names(registry.extensions(Greeter.class)))
                .containsExactly("highest", "added", "early", "late", "lowest");
    }

    @Test
    void cacheIsPerType() {
        ExtensionRegistry registry = start(null);
        assertThat(registry.extensions(Unused.class)).isEmpty();

        context.registerBean("unused", Unused.class, () -> new Unused() {});

        assertThat(registry.extensions(Unused.class)).as("cached").isEmpty();
        assertThat(registry.extensions(Greeter.class)).hasSize(5);
        registry.onApplicationEvent(new ContextRefreshedEvent(context));
        assertThat(registry.extensions(Unused.class)).hasSize(1);
    }
}
