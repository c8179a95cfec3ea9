package io.quarkiverse.live.runtime.render;

import java.util.concurrent.CompletionStage;

import io.quarkiverse.live.runtime.upload.UploadProgress;
import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.WithPriority;

/**
 * {@code {uploads.avatar.progress}}, {@code {#if uploads.avatar.uploading}}, {@code {#if uploads.avatar.done}} and
 * {@code {uploads.avatar.files}} in a component template, without reflection.
 */
final class UploadsValueResolver implements ValueResolver {

    @Override
    public int getPriority() {
        return WithPriority.DEFAULT_PRIORITY + 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof UploadsView || context.getBase() instanceof UploadProgress;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        if (context.getBase() instanceof UploadsView view) {
            return CompletedStage.of(view.field(context.getName()));
        }
        UploadProgress progress = (UploadProgress) context.getBase();
        return switch (context.getName()) {
            case "progress" -> CompletedStage.of(progress.progress());
            case "uploading" -> CompletedStage.of(progress.uploading());
            case "done" -> CompletedStage.of(progress.done());
            case "files" -> CompletedStage.of(progress.files());
            default -> Results.notFound(context);
        };
    }
}
