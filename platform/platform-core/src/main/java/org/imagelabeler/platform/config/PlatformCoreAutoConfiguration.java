package org.imagelabeler.platform.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.imagelabeler.platform.about.AboutController;
import org.imagelabeler.platform.about.ServerStatus;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.CatalogFiles;
import org.imagelabeler.platform.catalog.CatalogListener;
import org.imagelabeler.platform.catalog.rest.LayerController;
import org.imagelabeler.platform.catalog.rest.ServiceSettingsController;
import org.imagelabeler.platform.catalog.rest.StoreController;
import org.imagelabeler.platform.catalog.rest.StyleController;
import org.imagelabeler.platform.catalog.rest.WorkspaceController;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.DatabaseKind;
import org.imagelabeler.platform.database.DatabaseSettings;
import org.imagelabeler.platform.database.SchemaMigration;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.extension.ExtensionPriority;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.jobs.JobHandler;
import org.imagelabeler.platform.jobs.JobRepository;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.jobs.rest.JobController;
import org.imagelabeler.platform.rest.RestExceptionHandler;
import org.imagelabeler.platform.security.AccessPolicy;
import org.imagelabeler.platform.security.InitialAdministrator;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.SecurityConfiguration;
import org.imagelabeler.platform.security.UserAccounts;
import org.imagelabeler.platform.security.UserRepository;
import org.imagelabeler.platform.security.rest.ApiTokenController;
import org.imagelabeler.platform.security.rest.LayerRulesController;
import org.imagelabeler.platform.security.rest.UserController;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform core as a plugin: data dir, catalog, database, security, jobs and the
 * {@code /rest} configuration API. Every other module adds itself the same way, through its own
 * auto-configuration.
 */
@AutoConfiguration(
        before = {
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            FlywayAutoConfiguration.class,
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@EnableConfigurationProperties(DatabaseSettings.class)
@Import({
    SecurityConfiguration.class,
    RestExceptionHandler.class,
    org.imagelabeler.platform.rest.ApiDocumentation.class,
    AboutController.class,
    WorkspaceController.class,
    StoreController.class,
    LayerController.class,
    ServiceSettingsController.class,
    StyleController.class,
    UserController.class,
    ApiTokenController.class,
    LayerRulesController.class,
    JobController.class
})
public class PlatformCoreAutoConfiguration {

    @Bean
    static ExtensionRegistry extensionRegistry(ListableBeanFactory beans) {
        return new ExtensionRegistry(beans);
    }

    @Bean
    DataDirectory dataDirectory(@Value("${labeler.data-dir:data}") String path) {
        return DataDirectory.open(Path.of(path), getClass().getClassLoader());
    }

    @Bean
    Catalog catalog(DataDirectory dataDir) {
        Catalog catalog = new Catalog(new CatalogFiles(dataDir));
        catalog.load();
        return catalog;
    }

    /** Registers listener beans once every singleton exists (listeners may need the catalog). */
    @Bean
    SmartInitializingSingleton catalogListenerRegistration(Catalog catalog, ObjectProvider<CatalogListener> listeners) {
        return () -> listeners.orderedStream().forEach(catalog::addListener);
    }

    @Bean
    org.imagelabeler.platform.feature.FeatureSources featureSources(ExtensionRegistry extensions) {
        return new org.imagelabeler.platform.feature.FeatureSources(extensions);
    }

    @Bean
    SecuredCatalog securedCatalog(Catalog catalog, AccessPolicy policy) {
        return new SecuredCatalog(catalog, policy);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseSettings settings, DataDirectory dataDir) {
        HikariConfig config = new HikariConfig();
        if (settings.url() == null || settings.url().isBlank()) {
            config.setJdbcUrl("jdbc:h2:file:" + dataDir.database().resolve("labeler") + ";DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setPassword("");
        } else {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.effectivePoolSize());
        config.setPoolName("labeler-db");
        return new HikariDataSource(config);
    }

    @Bean
    SchemaMigration platformSchema() {
        return new SchemaMigration("platform", ExtensionPriority.HIGHEST);
    }

    @Bean
    Database database(DataSource dataSource, DatabaseSettings settings, ExtensionRegistry extensions) {
        String url = settings.url() == null || settings.url().isBlank() ? "jdbc:h2:" : settings.url();
        Database database = new Database(dataSource, DatabaseKind.ofUrl(url));
        database.migrate(extensions.extensions(SchemaMigration.class));
        return database;
    }

    @Bean
    PlatformTransactionManager transactionManager(Database database) {
        return new DataSourceTransactionManager(database.dataSource());
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Before the web server opens, so that no request ever meets a server without an administrator. */
    @Bean
    SmartInitializingSingleton initialAdministrator(
            UserRepository users, UserAccounts accounts, @Value("${labeler.admin-password:}") String password) {
        PrintStream console = System.out;
        return () -> InitialAdministrator.ensure(users, accounts, password, console);
    }

    @Bean
    JobRepository jobRepository(Database database) {
        return new JobRepository(database);
    }

    @Bean(destroyMethod = "close")
    JobService jobService(
            JobRepository repository,
            ExtensionRegistry extensions,
            @Value("${labeler.jobs.threads:2}") int threads,
            @Value("${labeler.jobs.queue-capacity:1000}") int queueCapacity) {
        return new JobService(repository, () -> extensions.extensions(JobHandler.class), threads, queueCapacity);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> interruptedJobRecovery(JobService jobs) {
        return event -> jobs.recoverInterrupted();
    }

    @Bean
    ServerStatus serverStatus(DataDirectory dataDir, Database database, Catalog catalog, JobService jobs) {
        return new ServerStatus(dataDir, database, catalog, jobs);
    }
}
