package dev.ferrule.gen;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.DefaultPrettyPrinterVisitor;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import com.github.javaparser.printer.configuration.Indentation;
import com.github.javaparser.printer.configuration.PrinterConfiguration;

/** Prints generated units with one fixed configuration, so the same model always gives the same bytes. */
final class Printer {

    private Printer() {
    }

    static String print(CompilationUnit unit) {
        DefaultPrinterConfiguration configuration = new DefaultPrinterConfiguration();
        configuration.addOption(new DefaultConfigurationOption(ConfigOption.END_OF_LINE_CHARACTER, "\n"));
        configuration.addOption(new DefaultConfigurationOption(ConfigOption.INDENTATION,
                new Indentation(Indentation.IndentType.SPACES, 4)));
        configuration.addOption(new DefaultConfigurationOption(ConfigOption.ORDER_IMPORTS, true));
        return new DefaultPrettyPrinter(WithoutOrphanScan::new, configuration).print(unit);
    }

    /** A generated unit as a source file of its package. */
    static GeneratedSource source(String packageName, String className, CompilationUnit unit) {
        return new GeneratedSource(packageName.replace('.', '/') + "/" + className + ".java", print(unit));
    }

    /**
     * JavaParser looks for orphan comments before every node by copying and sorting all of its
     * siblings, which makes printing a class quadratic in its members: 17 s of a 23 s generate run
     * at 10,000 functions. Generated trees have orphan comments only where a parent holds some, so
     * the search runs only there and the output is the same.
     */
    private static final class WithoutOrphanScan extends DefaultPrettyPrinterVisitor {

        WithoutOrphanScan(PrinterConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected void printOrphanCommentsBeforeThisChildNode(Node node) {
            if (node.getParentNode().map(parent -> !parent.getOrphanComments().isEmpty()).orElse(false)) {
                super.printOrphanCommentsBeforeThisChildNode(node);
            }
        }
    }
}
