package dev.scaler.cli;

import dev.scaler.plan.Diff;
import java.util.ArrayList;

/** One line that says what an `up` changed. */
final class Summary {
    private Summary() {
    }

    static String of(Diff diff) {
        var parts = new ArrayList<String>();
        if (!diff.create().isEmpty()) {
            parts.add(diff.create().size() + " created");
        }
        if (!diff.replace().isEmpty()) {
            parts.add(diff.replace().size() + " replaced");
        }
        if (!diff.start().isEmpty()) {
            parts.add(diff.start().size() + " restarted");
        }
        if (!diff.remove().isEmpty()) {
            parts.add(diff.remove().size() + " removed");
        }
        if (!diff.unchanged().isEmpty()) {
            parts.add(diff.unchanged().size() + " unchanged");
        }
        return String.join(", ", parts);
    }

    /** What `up` did to the proxies, e.g. {@code 12 unchanged} or {@code 1 fixed (cache-1), 11 unchanged}. */
    static String of(dev.scaler.provision.ProxySync.Result proxies) {
        var parts = new ArrayList<String>();
        if (!proxies.created().isEmpty()) {
            parts.add(proxies.created().size() + " created (" + String.join(", ", proxies.created()) + ")");
        }
        if (!proxies.fixed().isEmpty()) {
            parts.add(proxies.fixed().size() + " fixed (" + String.join(", ", proxies.fixed()) + ")");
        }
        if (!proxies.removed().isEmpty()) {
            parts.add(proxies.removed().size() + " removed (" + String.join(", ", proxies.removed()) + ")");
        }
        parts.add(proxies.unchanged() + " unchanged");
        return String.join(", ", parts);
    }

    /** What `up` did to the CDN's bucket, e.g. {@code 3 unchanged} or {@code bucket created, policy set, 3 uploaded}. */
    static String of(dev.scaler.provision.AssetSync.Result assets) {
        var parts = new ArrayList<String>();
        if (assets.bucketCreated()) {
            parts.add("bucket created");
        }
        if (assets.policySet()) {
            parts.add("anonymous read set");
        }
        if (!assets.uploaded().isEmpty()) {
            parts.add(assets.uploaded().size() + " uploaded");
        }
        if (!assets.removed().isEmpty()) {
            parts.add(assets.removed().size() + " removed (" + String.join(", ", assets.removed()) + ")");
        }
        parts.add(assets.unchanged() + " unchanged");
        return String.join(", ", parts);
    }
}
