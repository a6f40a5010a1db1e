package org.lectern.grading.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format (proto2 and proto3 share it): tags, varints, fixed 32/64-bit values and
 * length-delimited fields, over a {@link ByteBuffer} slice, with every length checked against what is left, so
 * that a hostile file can make it fail but not read out of bounds, loop, or allocate more than the file holds.
 * Length-delimited fields come back as slices of the same buffer: no copies.
 *
 * <p>Just enough for {@link OnnxModelInspector}; groups (wire types 3 and 4, deprecated and absent from ONNX)
 * are refused.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer buffer;
    private final String what;

    /** @param what the message being read, for error messages ("ModelProto", "graph.node[3]") */
    ProtoReader(ByteBuffer buffer, String what) {
        this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.what = what;
    }

    boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    /** Bytes read so far from the start of this message. */
    int position() {
        return buffer.position();
    }

    /** The next field's tag (field number &lt;&lt; 3 | wire type); validates both. */
    int readTag() {
        long tag = readVarint();
        int wireType = (int) (tag & 7);
        long field = tag >>> 3;
        if (field < 1 || field > 0x1FFFFFFFL) {
            throw malformed("field number " + field + " is out of range");
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw malformed("wire type " + wireType + " of field " + field + " is not one protobuf still uses");
        }
        return (int) tag;
    }

    static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw malformed("it ends in the middle of a number (truncated file?)");
            }
            byte b = buffer.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw malformed("a number is longer than 10 bytes");
    }

    int readFixed32() {
        need(4);
        return buffer.getInt();
    }

    long readFixed64() {
        need(8);
        return buffer.getLong();
    }

    /** A length-delimited field's bytes, as a slice of the underlying buffer. */
    ByteBuffer readBytes() {
        long length = readVarint();
        if (length < 0 || length > buffer.remaining()) {
            throw malformed("a field claims " + Long.toUnsignedString(length) + " bytes but only "
                    + buffer.remaining() + " are left (truncated file?)");
        }
        ByteBuffer slice = buffer.slice(buffer.position(), (int) length);
        buffer.position(buffer.position() + (int) length);
        return slice;
    }

    /** A length-delimited field skipped without looking at it; returns its length. */
    long skipBytes() {
        return readBytes().remaining();
    }

    String readString() {
        ByteBuffer bytes = readBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw malformed("a text field is not valid UTF-8");
        }
    }

    ProtoReader readMessage(String child) {
        return new ProtoReader(readBytes(), child);
    }

    /**
     * A repeated varint field's values: packed (one length-delimited field holding many varints) or not (this
     * one value), depending on the wire type of the tag just read.
     */
    void readRepeatedVarint(int tag, LongConsumer into) {
        if (wireType(tag) == LENGTH_DELIMITED) {
            ProtoReader packed = new ProtoReader(readBytes(), what);
            while (packed.hasRemaining()) {
                into.accept(packed.readVarint());
            }
        } else if (wireType(tag) == VARINT) {
            into.accept(readVarint());
        } else {
            throw malformed("field " + fieldNumber(tag) + " has wire type " + wireType(tag) + " where integers belong");
        }
    }

    /** Skips the value of a field this reader does not care about. */
    void skip(int tag) {
        switch (wireType(tag)) {
            case VARINT -> readVarint();
            case FIXED64 -> need(8).position(buffer.position() + 8);
            case LENGTH_DELIMITED -> skipBytes();
            case FIXED32 -> need(4).position(buffer.position() + 4);
            default -> throw malformed("wire type " + wireType(tag) + " cannot be skipped");
        }
    }

    /** Checks that a field has the wire type its schema gives it. */
    void expect(int tag, int wireType, String field) {
        if (wireType(tag) != wireType) {
            throw malformed(field + " has wire type " + wireType(tag) + ", not " + wireType);
        }
    }

    private ByteBuffer need(int bytes) {
        if (buffer.remaining() < bytes) {
            throw malformed("it ends in the middle of a field (truncated file?)");
        }
        return buffer;
    }

    OnnxFormatException malformed(String detail) {
        return new OnnxFormatException(what + ": " + detail);
    }

    @FunctionalInterface
    interface LongConsumer {
        void accept(long value);
    }
}
