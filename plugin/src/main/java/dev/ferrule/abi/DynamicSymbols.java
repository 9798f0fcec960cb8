package dev.ferrule.abi;

import dev.ferrule.abi.AbiModel.ExportedSymbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fornwall.jelf.ElfException;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSymbol;
import net.fornwall.jelf.ElfSymbolTableSection;

/**
 * What a built ELF library really exports: the defined, globally visible functions and objects
 * of its dynamic symbol table. This is what a loader can find, whatever the source says.
 */
public final class DynamicSymbols {

    private static final int SHN_UNDEF = 0;
    private static final int STV_DEFAULT = 0;
    private static final int STV_PROTECTED = 3;

    private DynamicSymbols() {
    }

    public static List<ExportedSymbol> read(Path library) throws AbiException {
        ElfFile elf;
        try {
            elf = ElfFile.from(Files.readAllBytes(library));
        } catch (IOException | RuntimeException e) {
            throw new AbiException(library + " is not a readable ELF file (" + e.getMessage() + ")."
                    + " Ferrule reads exports from ELF libraries (Linux, FreeBSD) only.", e);
        }
        ElfSymbolTableSection dynsym;
        try {
            dynsym = elf.getDynamicSymbolTableSection();
        } catch (RuntimeException e) {
            throw new AbiException(library + " has an unreadable dynamic symbol table: " + e.getMessage(), e);
        }
        if (dynsym == null) {
            throw new AbiException(library + " has no dynamic symbol table (.dynsym), so it exports nothing a"
                    + " loader could find. Build the crate as a cdylib, not a staticlib or executable.");
        }
        Map<String, ExportedSymbol> exports = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (ElfSymbol symbol : dynsym.symbols) {
            int binding = symbol.getBinding();
            int type = symbol.getType();
            boolean defined = symbol.st_shndx != SHN_UNDEF;
            boolean global = binding == ElfSymbol.BINDING_GLOBAL || binding == ElfSymbol.BINDING_WEAK;
            int visibility = symbol.st_other & 0x3;
            boolean visible = visibility == STV_DEFAULT || visibility == STV_PROTECTED;
            if (!defined || !global || !visible || (type != ElfSymbol.STT_FUNC && type != ElfSymbol.STT_OBJECT)) {
                continue;
            }
            String name = nameOf(symbol, library);
            ExportedSymbol export = new ExportedSymbol(name, type == ElfSymbol.STT_FUNC ? "function" : "object",
                    symbol.st_size);
            if (exports.putIfAbsent(name, export) != null) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new AbiException(library + " defines these dynamic symbols more than once: " + duplicates
                    + ". Two exports share one name (check #[no_mangle] and #[export_name] items); rename one.");
        }
        return List.copyOf(exports.values());
    }

    private static String nameOf(ElfSymbol symbol, Path library) throws AbiException {
        try {
            return symbol.getName();
        } catch (ElfException e) {
            throw new AbiException(library + " has a dynamic symbol whose name cannot be read: " + e.getMessage(), e);
        }
    }
}
