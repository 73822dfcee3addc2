package dev.scaler.provision;

import dev.scaler.engine.EngineException;

/** The CDN's origin could not be reached or refused a request while `up` set up its bucket and assets. */
public final class CdnException extends EngineException {
    public CdnException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    public CdnException(String message, String hint) {
        super(message, hint);
    }
}
