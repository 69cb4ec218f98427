package batou.test.harness;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a compiled class declares, read from its class file (JVMS chapter 4), for tests that check rules of a whole
 * bundle on its compiled classes, where no use escapes as it can from a text search: the classes its constant pool
 * refers to, its super class and its fields.
 *
 * @param name internal name ({@code batou/ui/internal/Foo$1})
 * @param access the class's access flags
 * @param superName internal name of the super class (null for {@code java/lang/Object} itself)
 * @param referencedClasses internal names of the Class entries of the constant pool
 * @param fields the fields the class declares
 */
public record ClassFile(String name, int access, String superName, List<String> referencedClasses,
        List<Field> fields) {

    public static final int ACC_STATIC = 0x0008;
    public static final int ACC_FINAL = 0x0010;
    public static final int ACC_SYNTHETIC = 0x1000;
    public static final int ACC_ENUM = 0x4000;

    /**
     * A field.
     *
     * @param descriptor its type as the JVM writes it ({@code I}, {@code Ljava/util/List;}, {@code [Ljava/lang/Object;})
     */
    public record Field(int access, String name, String descriptor) {

        public boolean is(int flag) {
            return (access & flag) != 0;
        }
    }

    public boolean is(int flag) {
        return (access & flag) != 0;
    }

    /** Reads a class file. */
    public static ClassFile read(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Map<Integer, String> texts = new HashMap<>();
        Map<Integer, Integer> classes = new LinkedHashMap<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.put(index, in.readUTF());
                case 7 -> classes.put(index, in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        int access = in.readUnsignedShort();
        String name = texts.get(classes.get(in.readUnsignedShort()));
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : texts.get(classes.get(superIndex));
        in.skipNBytes(2L * in.readUnsignedShort());
        List<Field> fields = new ArrayList<>();
        for (int field = in.readUnsignedShort(); field > 0; field--) {
            fields.add(new Field(in.readUnsignedShort(), texts.get(in.readUnsignedShort()),
                    texts.get(in.readUnsignedShort())));
            for (int attribute = in.readUnsignedShort(); attribute > 0; attribute--) {
                in.readUnsignedShort();
                in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
            }
        }
        return new ClassFile(name, access, superName, classes.values().stream().map(texts::get).toList(),
                List.copyOf(fields));
    }
}
