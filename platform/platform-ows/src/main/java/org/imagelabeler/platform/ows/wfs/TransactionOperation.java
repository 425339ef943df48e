package org.imagelabeler.platform.ows.wfs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.feature.FeatureStore;
import org.imagelabeler.platform.feature.FeatureTransaction;
import org.imagelabeler.platform.feature.TransactionException;
import org.imagelabeler.platform.feature.TransactionResult;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.XmlDocument;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WFS Transaction: every action, in document order, goes to the feature store of its type, which
 * applies the domain's rules (validation, roles, versions, audit); all of them run in one
 * database transaction, so a refused action leaves nothing of the others. The caller must be
 * allowed to write each type by the access policy.
 */
final class TransactionOperation implements OwsOperation {

    private final TransactionReader reader;
    private final WfsLayers layers;
    private final TransactionTemplate tx;

    TransactionOperation(TransactionReader reader, WfsLayers layers, TransactionTemplate tx) {
        this.reader = reader;
        this.layers = layers;
        this.tx = tx;
    }

    @Override
    public String service() {
        return WfsService.ID;
    }

    @Override
    public String name() {
        return "Transaction";
    }

    /** Inserted ids, in document order, with the locator of the action that made them. */
    private record Inserted(String handle, String rid) {}

    @Override
    public Object execute(OwsRequest request) {
        List<TransactionReader.LayerAction> actions = reader.read(request);
        for (TransactionReader.LayerAction a : actions) {
            if (!(a.layer().source() instanceof FeatureStore)) {
                throw new OwsException(
                        "OperationProcessingFailed",
                        a.locator(),
                        a.layer().qualifiedName() + " cannot be changed",
                        403,
                        null);
            }
            if (!layers.canWrite(request, a.layer())) {
                throw new OwsException(
                        "OperationProcessingFailed",
                        a.locator(),
                        "you may not change the features of " + a.layer().qualifiedName(),
                        403,
                        null);
            }
        }
        List<Inserted> inserted = new ArrayList<>();
        long[] totals = new long[2];
        try {
            tx.executeWithoutResult(status -> {
                for (TransactionReader.LayerAction a : actions) {
                    FeatureStore store = (FeatureStore) a.layer().source();
                    TransactionResult result;
                    try {
                        result = store.apply(new FeatureTransaction(List.of(a.action())), request.subject());
                    } catch (TransactionException e) {
                        throw new LocatedFailure(a.locator(), e);
                    }
                    for (List<String> ids : result.insertedIds()) {
                        for (String id : ids) {
                            inserted.add(
                                    new Inserted(a.action().handle(), a.layer().typeName() + "." + id));
                        }
                    }
                    totals[0] += result.updated();
                    totals[1] += result.deleted();
                }
            });
        } catch (LocatedFailure f) {
            throw report(f.locator, f.cause);
        }
        return response(WfsVersion.of(request.version()), inserted, totals[0], totals[1]);
    }

    /** A store's refusal and the action it concerns, carried out of the transaction callback. */
    private static final class LocatedFailure extends RuntimeException {
        final String locator;
        final TransactionException cause;

        LocatedFailure(String locator, TransactionException cause) {
            super(cause.getMessage(), cause, false, false);
            this.locator = locator;
            this.cause = cause;
        }
    }

    private static OwsException report(String locator, TransactionException e) {
        String where = locator
                + (e.locator() == null ? "" : " " + e.locator())
                + (e.property() == null ? "" : ", property " + e.property());
        String message = where + ": " + e.getMessage();
        return switch (e.kind()) {
            case INVALID_VALUE -> new OwsException("InvalidValue", locator, message, 400, null);
            case NOT_FOUND -> new OwsException("InvalidValue", locator, message, 404, null);
            case VERSION_CONFLICT -> new OwsException("OperationProcessingFailed", locator, message, 409, null);
            case FORBIDDEN -> new OwsException("OperationProcessingFailed", locator, message, 403, null);
        };
    }

    private static XmlDocument response(WfsVersion v, List<Inserted> inserted, long updated, long deleted) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            String filterPrefix = v.is200() ? "fes" : "ogc";
            x.setPrefix("wfs", v.wfs);
            x.setPrefix(filterPrefix, v.filter);
            x.writeStartElement(v.wfs, "TransactionResponse");
            x.writeNamespace("wfs", v.wfs);
            x.writeNamespace(filterPrefix, v.filter);
            x.writeNamespace("xsi", WfsVersion.XSI);
            x.writeAttribute(WfsVersion.XSI, "schemaLocation", v.wfs + " " + v.wfsSchema);
            x.writeAttribute("version", v.number);
            x.writeStartElement(v.wfs, "TransactionSummary");
            WfsXml.text(x, v.wfs, "totalInserted", String.valueOf(inserted.size()));
            WfsXml.text(x, v.wfs, "totalUpdated", String.valueOf(updated));
            WfsXml.text(x, v.wfs, "totalDeleted", String.valueOf(deleted));
            x.writeEndElement();
            if (!inserted.isEmpty()) {
                x.writeStartElement(v.wfs, "InsertResults");
                for (Inserted i : inserted) {
                    x.writeStartElement(v.wfs, "Feature");
                    if (i.handle() != null) {
                        x.writeAttribute("handle", i.handle());
                    }
                    x.writeEmptyElement(v.filter, v.is200() ? "ResourceId" : "FeatureId");
                    x.writeAttribute(v.is200() ? "rid" : "fid", i.rid());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return new XmlDocument(out.toByteArray(), "application/xml");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
