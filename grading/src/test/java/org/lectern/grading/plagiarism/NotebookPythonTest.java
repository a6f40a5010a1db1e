package org.lectern.grading.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.notebooks.NotebookFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class NotebookPythonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A notebook from cells given as (type, source). */
    private static String notebook(String... typeAndSource) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        for (int i = 0; i < typeAndSource.length; i += 2) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", typeAndSource[i]);
            cell.put("source", typeAndSource[i + 1]);
            cell.putObject("metadata");
            if (typeAndSource[i].equals("code")) {
                cell.putArray("outputs");
            }
        }
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        root.putObject("metadata");
        return JSON.writeValueAsString(root);
    }

    @Test
    void codeCellsBecomePythonWithEveryLineMappedToItsCell() {
        ComparedFile file = NotebookPython.convert("hw.ipynb", notebook(
                "markdown", "# Homework",
                "code", "import numpy as np\n%matplotlib inline\n!pip install torch\nfiles = !ls\nnp.dot?\n",
                "code", "for i in range(3):\n    %time f(i)\nx = (10\n     % 3)\n",
                "raw", "ignored"));

        assertThat(file.text()).isEqualTo("""
                # In[2]:
                import numpy as np
                # %matplotlib inline
                # !pip install torch
                # files = !ls
                # np.dot?
                # In[3]:
                for i in range(3):
                    pass  # %time f(i)
                x = (10
                     % 3)
                """);
        assertThat(file.cells()).containsExactly(
                new CellPosition(2, 0), new CellPosition(2, 1), new CellPosition(2, 2), new CellPosition(2, 3),
                new CellPosition(2, 4), new CellPosition(2, 5),
                new CellPosition(3, 0), new CellPosition(3, 1), new CellPosition(3, 2), new CellPosition(3, 3),
                new CellPosition(3, 4));
        assertThat(file.cellAt(9)).contains(new CellPosition(3, 2));
        assertThat(file.cellAt(99)).isEmpty();
    }

    @Test
    void cellMagicsKeepPythonBodiesAndCommentOutOthers() {
        ComparedFile file = NotebookPython.convert("hw.ipynb", notebook(
                "code", "%%time\ntrain(model)",
                "code", "%%bash\nls -l\nrm -rf /tmp/x",
                "code", "s = '''\n%not a magic\n'''\nt = 1"));

        assertThat(file.text()).isEqualTo("""
                # In[1]:
                # %%time
                train(model)
                # In[2]:
                # %%bash
                # ls -l
                # rm -rf /tmp/x
                # In[3]:
                s = '''
                %not a magic
                '''
                t = 1
                """);
    }

    @Test
    void multiLineShellCommandsAreCommentedOutWhole() {
        ComparedFile file = NotebookPython.convert("hw.ipynb", notebook("code", "!pip install \\\n    numpy\ny = 2"));

        assertThat(file.text()).isEqualTo("# In[1]:\n# !pip install \\\n    # numpy\ny = 2\n");
        assertThat(NotebookPython.isIPythonOnly("a = b != c")).isFalse();
        assertThat(NotebookPython.isIPythonOnly("!= c")).isFalse();
        assertThat(NotebookPython.isIPythonOnly("x = 1  # why?")).isFalse();
        assertThat(NotebookPython.isIPythonOnly("print('ok?')")).isFalse();
        assertThat(NotebookPython.isIPythonOnly("model.fit?  # help")).isTrue();
    }

    @Test
    void unreadableNotebookFails() {
        assertThatThrownBy(() -> NotebookPython.convert("x.ipynb", "{\"cells\": 3}")).isInstanceOf(NotebookFormatException.class);
        assertThat(NotebookPython.convert("empty.ipynb", notebook()).text()).isEmpty();
        assertThat(NotebookPython.convert("empty.ipynb", notebook()).cells()).isEqualTo(List.of());
    }
}
