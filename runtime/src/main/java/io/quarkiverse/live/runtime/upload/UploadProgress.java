package io.quarkiverse.live.runtime.upload;

import java.util.List;

/**
 * What a template shows of a field's uploads: {@code {uploads.avatar.progress}} (0 to 100, for all its files together),
 * {@code {#if uploads.avatar.uploading}}, {@code {#if uploads.avatar.done}} and {@code {uploads.avatar.files}} (their
 * names).
 */
public record UploadProgress(int progress, boolean uploading, boolean done, List<String> files) {
}
