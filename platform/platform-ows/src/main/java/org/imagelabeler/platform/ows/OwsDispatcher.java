package org.imagelabeler.platform.ows;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.xml.SecureXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * GeoServer's dispatcher idea: one entry for every OGC service. It reads the KVP parameters
 * (keys case-insensitive), finds the service (from {@code SERVICE} or the path), negotiates the
 * version, finds the operation bean, runs it, and hands the result to the first response writer
 * that takes it. Whatever goes wrong is reported by the service's own exception writer.
 * {@code /{ws}/wms} and the like are virtual services limited to one workspace.
 */
@Controller
public class OwsDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OwsDispatcher.class);

    private final ExtensionRegistry extensions;
    private final SecuredCatalog catalog;

    public OwsDispatcher(ExtensionRegistry extensions, SecuredCatalog catalog) {
        this.extensions = extensions;
        this.catalog = catalog;
    }

    @RequestMapping(
            path = {"/ows", "/wms", "/wmts", "/wfs"},
            method = {RequestMethod.GET, RequestMethod.POST})
    public void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(null, request, response);
    }

    @RequestMapping(
            path = {"/{workspace}/ows", "/{workspace}/wms", "/{workspace}/wmts", "/{workspace}/wfs"},
            method = {RequestMethod.GET, RequestMethod.POST})
    public void dispatch(@PathVariable String workspace, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Map<String, String> kvp = parameters(request);
        org.w3c.dom.Element body;
        try {
            body = xmlBody(request, kvp);
        } catch (OwsException e) {
            OwsExceptionReport.write(e, "2.0.0", response);
            return;
        }
        Subject subject = CurrentSubject.get();
        String baseUrl =
                ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        Optional<OwsService> service = service(kvp.get("SERVICE"), pathService(request));
        if (service.isEmpty()) {
            OwsExceptionReport.write(
                    kvp.get("SERVICE") == null
                            ? OwsException.missing("SERVICE")
                            : OwsException.invalid("SERVICE", "unknown service '" + kvp.get("SERVICE") + "'"),
                    "2.0.0",
                    response);
            return;
        }
        ServiceDescriptor descriptor = service.get().descriptor();
        String requested = kvp.getOrDefault("VERSION", kvp.get("WMTVER")); // WMTVER: WMS 1.0 clients
        OwsRequest owsRequest = new OwsRequest(
                descriptor.id(),
                descriptor.negotiate(requested),
                kvp.get("REQUEST"),
                kvp,
                workspace,
                subject,
                baseUrl,
                body);
        try {
            if (workspace != null && catalog.workspace(subject, workspace).isEmpty()) {
                throw new OwsException(
                        OwsException.INVALID_PARAMETER, "workspace", "no workspace '" + workspace + "'", 404, null);
            }
            String name = owsRequest.require("REQUEST");
            OwsOperation operation = operation(descriptor, name)
                    .orElseThrow(() -> new OwsException(
                            OwsException.OPERATION_NOT_SUPPORTED,
                            "REQUEST",
                            descriptor.id() + " has no operation '" + name + "': " + descriptor.operations()));
            Object result = operation.execute(owsRequest);
            ResponseWriter writer = extensions.extensions(ResponseWriter.class).stream()
                    .filter(w -> w.canWrite(result))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no writer for " + result.getClass()));
            writer.write(result, owsRequest, response);
        } catch (OwsException e) {
            reset(response);
            service.get().writeException(e, owsRequest, response);
        } catch (Exception e) {
            LOG.error("{} {} failed", descriptor.id(), kvp.get("REQUEST"), e);
            reset(response);
            service.get()
                    .writeException(
                            new OwsException(
                                    OwsException.NO_APPLICABLE_CODE, null, "internal error: " + e.getMessage(), 500, e),
                            owsRequest,
                            response);
        }
    }

    private Optional<OwsService> service(String fromParameter, String fromPath) {
        String id = fromParameter != null ? fromParameter : fromPath;
        if (id == null) {
            return Optional.empty();
        }
        return extensions.extensions(OwsService.class).stream()
                .filter(s -> s.descriptor().id().equalsIgnoreCase(id))
                .findFirst();
    }

    private Optional<OwsOperation> operation(ServiceDescriptor service, String name) {
        return extensions.extensions(OwsOperation.class).stream()
                .filter(o ->
                        o.service().equalsIgnoreCase(service.id()) && o.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /** {@code wms} from {@code /wms} or {@code /topp/wms}; null for {@code /ows}. */
    private static String pathService(HttpServletRequest request) {
        String path = request.getRequestURI();
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return last.equals("ows") ? null : last;
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> kvp = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (v.length > 0) {
                kvp.putIfAbsent(k.toUpperCase(Locale.ROOT), v[0]);
            }
        });
        return kvp;
    }

    /**
     * The XML document of a POST whose body is XML (OGC's XML encoding of requests), or null. Its
     * root names the operation and carries {@code service} and {@code version}, which fill in the
     * KVP parameters the query string did not give.
     */
    private static org.w3c.dom.Element xmlBody(HttpServletRequest request, Map<String, String> kvp) throws IOException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).contains("xml")) {
            return null;
        }
        org.w3c.dom.Element root;
        try {
            root = SecureXml.parse(request.getInputStream()).getDocumentElement();
        } catch (org.xml.sax.SAXException e) {
            throw new OwsException(
                    OwsException.INVALID_PARAMETER,
                    "request",
                    "the request body is not well-formed XML or" + " declares a DTD: " + e.getMessage(),
                    400,
                    null);
        }
        kvp.putIfAbsent("REQUEST", root.getLocalName());
        if (!root.getAttribute("service").isEmpty()) {
            kvp.putIfAbsent("SERVICE", root.getAttribute("service"));
        }
        if (!root.getAttribute("version").isEmpty()) {
            kvp.putIfAbsent("VERSION", root.getAttribute("version"));
        }
        return root;
    }

    private static void reset(HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.reset();
        }
    }
}
