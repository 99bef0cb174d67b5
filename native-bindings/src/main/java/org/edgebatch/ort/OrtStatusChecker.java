package org.edgebatch.ort;

import java.lang.foreign.MemorySegment;

/**
 * Turns every {@code OrtStatus*} into an outcome: NULL is success; anything else has its code and message read, is
 * released, and becomes an {@link OrtException} carrying ONNX Runtime's own message.
 */
final class OrtStatusChecker {

    private final OrtApiBinding api;

    OrtStatusChecker(OrtApiBinding api) {
        this.api = api;
    }

    /**
     * Calls a status-returning function and checks its status.
     *
     * @param context what was being done, e.g. {@code Opening model /m/x.onnx}; prefixes the message
     */
    void call(String context, OrtApi function, Object... arguments) {
        check((MemorySegment) api.invoke(function, arguments), context);
    }

    /** Checks a status returned as a pointer. */
    void check(MemorySegment status, String context) {
        if (!status.equals(MemorySegment.NULL)) {
            throw toException(status, context);
        }
    }

    /** Checks a status returned as an address number (see {@link OrtApi#RUN}). */
    void check(long status, String context) {
        if (status != 0L) {
            throw toException(MemorySegment.ofAddress(status), context);
        }
    }

    private OrtException toException(MemorySegment status, String context) {
        try {
            int code = (Integer) api.invoke(OrtApi.GET_ERROR_CODE, status);
            String message = NativeStrings.read((MemorySegment) api.invoke(OrtApi.GET_ERROR_MESSAGE, status));
            return new OrtException(context + ": " + message, OrtErrorCode.fromCode(code), message);
        } finally {
            api.release(OrtApi.RELEASE_STATUS, status);
        }
    }
}
