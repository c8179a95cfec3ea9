package io.quarkiverse.live.runtime.dispatch;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.quarkiverse.live.UploadedFile;
import io.quarkiverse.live.runtime.upload.ComponentUploads;

/**
 * An {@link UploadedFile} argument: the browser sends the id its upload got, and the component's complete upload of
 * that id is handed to the call ({@link ComponentUploads#take}). Any other value, or the id of an upload that is not
 * complete or not the component's, does not convert.
 */
final class UploadedFileDeserializer extends StdDeserializer<UploadedFile> {

    UploadedFileDeserializer() {
        super(UploadedFile.class);
    }

    @Override
    public UploadedFile deserialize(JsonParser p, DeserializationContext context) throws IOException {
        String id = p.getValueAsString();
        Object uploads = context.getAttribute(ComponentUploads.class);
        UploadedFile file = id == null || !(uploads instanceof ComponentUploads component) ? null : component.take(id);
        if (file == null) {
            throw InvalidFormatException.from(p, "No complete upload of this component has that id", id,
                    UploadedFile.class);
        }
        return file;
    }
}
