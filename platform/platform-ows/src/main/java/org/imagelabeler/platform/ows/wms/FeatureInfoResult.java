package org.imagelabeler.platform.ows.wms;

import java.util.List;
import org.imagelabeler.platform.render.FeatureInfo;

/** What GetFeatureInfo found under the point, and the format asked for. */
public record FeatureInfoResult(List<FeatureInfo> features, String format) {}
