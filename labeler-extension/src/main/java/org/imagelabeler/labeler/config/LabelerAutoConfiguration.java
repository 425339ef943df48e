package org.imagelabeler.labeler.config;

import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.annotations.AnnotationController;
import org.imagelabeler.labeler.annotations.AnnotationRepository;
import org.imagelabeler.labeler.annotations.AnnotationService;
import org.imagelabeler.labeler.audit.AuditController;
import org.imagelabeler.labeler.audit.AuditLog;
import org.imagelabeler.labeler.events.EventController;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.events.EventService;
import org.imagelabeler.labeler.extraction.ExtractionController;
import org.imagelabeler.labeler.extraction.ExtractionJob;
import org.imagelabeler.labeler.images.ImageController;
import org.imagelabeler.labeler.images.ImageRepository;
import org.imagelabeler.labeler.images.ImageService;
import org.imagelabeler.labeler.teams.MembershipRepository;
import org.imagelabeler.labeler.teams.TeamController;
import org.imagelabeler.labeler.teams.TeamService;
import org.imagelabeler.platform.config.PlatformCoreAutoConfiguration;
import org.imagelabeler.platform.database.Database;
import org.imagelabeler.platform.database.SchemaMigration;
import org.imagelabeler.platform.datadir.DataDirectory;
import org.imagelabeler.platform.extension.ExtensionPriority;
import org.imagelabeler.platform.security.PublicReadPaths;
import org.imagelabeler.platform.security.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/** The labeling plugin: its schema, domain services and {@code /rest/labeler} API. */
@AutoConfiguration(after = PlatformCoreAutoConfiguration.class)
@Import({
    EventController.class,
    TeamController.class,
    AuditController.class,
    ImageController.class,
    AnnotationController.class,
    ExtractionController.class,
    org.imagelabeler.labeler.rest.OpenApiController.class,
    org.imagelabeler.labeler.export.ExportController.class
})
public class LabelerAutoConfiguration {

    /** Migrates after the platform's tables (the platform has the highest priority). */
    @Bean
    SchemaMigration labelerSchema() {
        return new SchemaMigration("labeler", ExtensionPriority.NORMAL);
    }

    /** Public events, their teams and files are readable without signing in; the plugin decides. */
    @Bean
    PublicReadPaths labelerPublicReads() {
        return new PublicReadPaths(java.util.List.of("/rest/labeler/**"));
    }

    // ---- dataset exports ------------------------------------------------------------------------

    @Bean
    org.imagelabeler.labeler.export.DatasetFormats datasetFormats() {
        return new org.imagelabeler.labeler.export.DatasetFormats(java.util.List.of(
                new org.imagelabeler.labeler.export.CocoFormat(),
                new org.imagelabeler.labeler.export.VocFormat(),
                org.imagelabeler.labeler.export.YoloFormat.detection(),
                org.imagelabeler.labeler.export.YoloFormat.segmentation(),
                new org.imagelabeler.labeler.export.GeoJsonFormat(),
                new org.imagelabeler.labeler.export.ShapefileFormat(),
                new org.imagelabeler.labeler.export.GeoPackageFormat(),
                new org.imagelabeler.labeler.export.StacFormat(),
                new org.imagelabeler.labeler.export.MaskFormat(),
                new org.imagelabeler.labeler.export.TagsCsvFormat()));
    }

    @Bean
    org.imagelabeler.labeler.export.ExportRepository exportRepository(Database database) {
        return new org.imagelabeler.labeler.export.ExportRepository(database);
    }

    @Bean
    org.imagelabeler.labeler.export.ExportJob exportJob(
            org.imagelabeler.labeler.export.ExportRepository exports,
            EventRepository events,
            ImageRepository images,
            AnnotationRepository annotations,
            org.imagelabeler.labeler.export.DatasetFormats formats,
            ImageService imageService,
            DataDirectory dataDir) {
        return new org.imagelabeler.labeler.export.ExportJob(
                exports, events, images, annotations, formats, imageService, dataDir);
    }

    /** Exports are kept {@code labeler.exports.keep-hours} (72) after they are asked for. */
    @Bean
    org.imagelabeler.labeler.export.ExportService exportService(
            org.imagelabeler.labeler.export.ExportRepository exports,
            EventAccess access,
            org.imagelabeler.platform.jobs.JobService jobs,
            org.imagelabeler.labeler.export.DatasetFormats formats,
            DataDirectory dataDir,
            @Value("${labeler.exports.keep-hours:72}") long keepHours) {
        return new org.imagelabeler.labeler.export.ExportService(
                exports, access, jobs, formats, dataDir, java.time.Duration.ofHours(keepHours));
    }

    @Bean(destroyMethod = "close")
    org.imagelabeler.labeler.export.ExportSweeper exportSweeper(
            org.imagelabeler.labeler.export.ExportService exports,
            @Value("${labeler.exports.sweep-minutes:10}") long minutes) {
        return new org.imagelabeler.labeler.export.ExportSweeper(exports, minutes);
    }

    /** The labeling API's own OpenAPI document, at /rest/labeler/openapi.json. */
    @Bean
    org.springdoc.core.models.GroupedOpenApi labelerApi() {
        return org.imagelabeler.labeler.rest.OpenApiController.group();
    }

    /** Each event's shapes, labels and footprints as layers of this workspace, for WFS and WMS. */
    @Bean
    org.imagelabeler.labeler.features.EventLayers eventLayers(
            org.imagelabeler.platform.catalog.Catalog catalog,
            EventRepository events,
            @Value("${labeler.layers.workspace:labeler}") String workspace,
            org.springframework.context.ApplicationEventPublisher publisher) {
        return new org.imagelabeler.labeler.features.EventLayers(catalog, events, workspace, publisher);
    }

    /** Each georeferenced image as a raster layer of this workspace, for WMS and WMTS. */
    @Bean
    org.imagelabeler.labeler.features.ImageLayers imageLayers(
            org.imagelabeler.platform.catalog.Catalog catalog,
            EventRepository events,
            org.imagelabeler.labeler.images.ImageRepository images,
            org.imagelabeler.platform.datadir.DataDirectory dataDir,
            org.imagelabeler.labeler.features.EventLayers layers) {
        return new org.imagelabeler.labeler.features.ImageLayers(catalog, events, images, dataDir, layers.workspace());
    }

    @Bean
    org.imagelabeler.labeler.features.EventLayerAccess eventLayerAccess(
            org.imagelabeler.platform.catalog.Catalog catalog,
            EventRepository events,
            EventAccess access,
            org.imagelabeler.labeler.features.EventLayers layers) {
        return new org.imagelabeler.labeler.features.EventLayerAccess(catalog, events, access, layers.workspace());
    }

    @Bean
    org.imagelabeler.labeler.features.EventFeatureSources eventFeatureSources(
            Database database, EventRepository events, AnnotationService annotations) {
        return new org.imagelabeler.labeler.features.EventFeatureSources(database, events, annotations);
    }

    @Bean
    EventRepository eventRepository(Database database) {
        return new EventRepository(database);
    }

    @Bean
    MembershipRepository membershipRepository(Database database) {
        return new MembershipRepository(database);
    }

    @Bean
    AuditLog auditLog(Database database) {
        return new AuditLog(database);
    }

    @Bean
    EventAccess eventAccess(EventRepository events, MembershipRepository members) {
        return new EventAccess(events, members);
    }

    @Bean
    EventService eventService(
            EventRepository events,
            MembershipRepository members,
            EventAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            AnnotationRepository annotations,
            org.springframework.context.ApplicationEventPublisher publisher) {
        return new EventService(events, members, access, audit, tx, annotations, publisher);
    }

    @Bean
    ExtractionJob extractionJob(
            EventRepository events,
            org.imagelabeler.platform.catalog.Catalog catalog,
            org.imagelabeler.platform.extension.ExtensionRegistry extensions,
            ImageService images) {
        return new ExtractionJob(events, catalog, extensions, images);
    }

    @Bean
    AnnotationRepository annotationRepository(Database database) {
        return new AnnotationRepository(database);
    }

    @Bean
    AnnotationService annotationService(
            AnnotationRepository annotations,
            ImageRepository images,
            EventAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            org.springframework.context.ApplicationEventPublisher publisher) {
        return new AnnotationService(annotations, images, access, audit, tx, publisher);
    }

    @Bean
    ImageRepository imageRepository(Database database) {
        return new ImageRepository(database);
    }

    /** Image uploads are limited to {@code labeler.images.max-bytes} (2 GiB). */
    @Bean
    ImageService imageService(
            ImageRepository images,
            MembershipRepository members,
            EventAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            DataDirectory dataDir,
            @Value("${labeler.images.max-bytes:2147483648}") long maxBytes,
            org.springframework.context.ApplicationEventPublisher publisher) {
        return new ImageService(images, members, access, audit, tx, dataDir, maxBytes, publisher);
    }

    @Bean
    TeamService teamService(
            MembershipRepository members,
            EventAccess access,
            UserAccounts users,
            AuditLog audit,
            TransactionTemplate tx) {
        return new TeamService(members, access, users, audit, tx);
    }
}
