package io.quarkiverse.live.runtime.render;

import java.util.List;

import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.upload.ComponentUploads;
import io.quarkiverse.live.runtime.upload.UploadProgress;

/**
 * {@code uploads} in a component template: {@code uploads.avatar} is where the uploads of the field {@code avatar}
 * stand ({@link UploadProgress}). A component that never had an upload shows every field at zero, without creating
 * anything.
 */
record UploadsView(MountedComponent component) {

    private static final UploadProgress NONE = new UploadProgress(0, false, false, List.of());

    UploadProgress field(String name) {
        ComponentUploads uploads = component == null ? null : component.uploadsIfAny();
        return uploads == null ? NONE : uploads.progress(name);
    }
}
