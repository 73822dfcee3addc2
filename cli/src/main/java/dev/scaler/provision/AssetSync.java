package dev.scaler.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.plan.CdnTier;
import dev.scaler.plan.ContentTypes;
import dev.scaler.topology.Cdn;
import io.minio.BucketExistsArgs;
import io.minio.GetBucketPolicyArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.SetBucketPolicyArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * After `up`: the CDN's bucket exists, anonymous users may read its objects and do nothing else, and (when the
 * topology names an {@code assets} folder) the bucket holds exactly that folder's files, each with its content type.
 * Files already there with the same bytes and type are left alone, so a second `up` uploads nothing.
 */
public final class AssetSync {
    // One part up to this size, so that an object's ETag is its MD5 and "the same bytes" can be told from a listing.
    private static final long PART_SIZE = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was changed: objects by key. */
    public record Result(boolean bucketCreated, boolean policySet, List<String> uploaded, List<String> removed,
            int unchanged) {
        public Result {
            uploaded = List.copyOf(uploaded);
            removed = List.copyOf(removed);
        }

        /** True when bucket, policy and objects already were as wanted. */
        public boolean nothing() {
            return !bucketCreated && !policySet && uploaded.isEmpty() && removed.isEmpty();
        }
    }

    private AssetSync() {
    }

    /** Makes the origin's bucket, its policy and its objects what the topology says. */
    public static Result ensure(Origin origin, Cdn cdn) {
        try {
            return ensure(origin.client(), cdn);
        } catch (ErrorResponseException e) {
            throw new CdnException("MinIO (" + origin.container() + " at " + origin.endpoint() + ") refused a request: "
                    + e.errorResponse().code() + ": " + e.errorResponse().message(),
                    "see `docker logs " + origin.container() + "`", e);
        } catch (IOException | java.security.GeneralSecurityException | io.minio.errors.MinioException e) {
            throw new CdnException("cannot set up the assets in MinIO (" + origin.container() + " at "
                    + origin.endpoint() + "): " + e.getMessage(), "see `scaler status` and `docker logs "
                    + origin.container() + "`", e);
        }
    }

    private static Result ensure(MinioClient minio, Cdn cdn) throws IOException, java.security.GeneralSecurityException,
            io.minio.errors.MinioException {
        String bucket = cdn.bucket();
        boolean created = false;
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            created = true;
        }
        String wanted = CdnTier.publicReadPolicy(bucket);
        boolean policySet = false;
        if (!samePolicy(currentPolicy(minio, bucket), wanted)) {
            minio.setBucketPolicy(SetBucketPolicyArgs.builder().bucket(bucket).config(wanted).build());
            policySet = true;
        }
        if (cdn.assets().isEmpty()) {
            return new Result(created, policySet, List.of(), List.of(), 0);
        }
        Map<String, Path> files = files(Path.of(cdn.assets().get().path()));
        Map<String, String> etags = new TreeMap<>();
        for (var r : minio.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
            var item = r.get();
            etags.put(item.objectName(), item.etag().replace("\"", ""));
        }
        var uploaded = new ArrayList<String>();
        int unchanged = 0;
        for (var e : files.entrySet()) {
            String key = e.getKey();
            String type = ContentTypes.of(key);
            String etag = etags.get(key);
            if (etag != null && etag.equals(md5(e.getValue()))
                    && type.equals(minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build())
                            .contentType())) {
                unchanged++;
                continue;
            }
            try (InputStream in = Files.newInputStream(e.getValue())) {
                minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                        .stream(in, Files.size(e.getValue()), PART_SIZE).contentType(type).build());
            }
            uploaded.add(key);
        }
        var removed = new ArrayList<String>();
        for (String key : etags.keySet()) {
            if (!files.containsKey(key)) {
                minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
                removed.add(key);
            }
        }
        return new Result(created, policySet, uploaded, removed, unchanged);
    }

    /** The bucket's policy; empty when it has none. */
    private static String currentPolicy(MinioClient minio, String bucket) throws IOException,
            java.security.GeneralSecurityException, io.minio.errors.MinioException {
        try {
            return minio.getBucketPolicy(GetBucketPolicyArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
            if ("NoSuchBucketPolicy".equals(e.errorResponse().code())) {
                return "";
            }
            throw e;
        }
    }

    /** The same policy, however MinIO spaced or ordered what it gives back. */
    static boolean samePolicy(String current, String wanted) {
        if (current.isBlank()) {
            return false;
        }
        try {
            JsonNode a = JSON.readTree(current);
            JsonNode b = JSON.readTree(wanted);
            return a.equals(b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every regular file under the folder, by object key (its path with '/'), sorted; hidden files left out. */
    static Map<String, Path> files(Path folder) throws IOException {
        var out = new TreeMap<String, Path>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = folder.relativize(p);
                boolean hidden = false;
                for (Path part : rel) {
                    hidden |= part.toString().startsWith(".");
                }
                if (Files.isRegularFile(p) && !hidden) {
                    out.put(rel.toString().replace(java.io.File.separatorChar, '/'), p);
                }
            }
        }
        return new LinkedHashMap<>(out);
    }

    private static String md5(Path file) throws IOException {
        try {
            var digest = MessageDigest.getInstance("MD5");
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
    }
}
