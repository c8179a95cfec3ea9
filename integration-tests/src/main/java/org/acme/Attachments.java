package org.acme;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Upload;
import io.quarkiverse.live.UploadedFile;

/**
 * Files attached to a note: up to three at once, PNG, JPEG or text, 1 MB each at most. The page shows the upload's
 * progress and a cancel button while it runs, and each attached file with its size and the start of its SHA-256, read
 * from the uploaded bytes.
 */
@Live(path = "/attachments")
public class Attachments {

    List<Attached> attached = new ArrayList<>();

    void attach(@Upload(maxSize = 1024 * 1024, maxFiles = 3, accept = { "image/png", "image/jpeg", ".txt" })
    List<UploadedFile> documents) throws IOException {
        for (UploadedFile document : documents) {
            attached.add(new Attached(document.fileName(), document.size(), sha256(document)));
        }
    }

    void clear() {
        attached.clear();
    }

    private static String sha256(UploadedFile file) throws IOException {
        try (InputStream in = file.openStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Attached(String name, long size, String sha256) {
    }
}
