package org.lectern.ui.livemodel;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.function.Consumer;

/**
 * A drawing pad (an HTML canvas) for one digit, with mouse, pen or finger. When a stroke ends, the browser
 * shrinks the drawing to a {@value #CELLS}×{@value #CELLS} grid of ink levels (one hexadecimal digit each) and
 * sends it; the server turns that into the model's 8×8 image (DigitBitmap), so the preprocessing is tested Java,
 * not script.
 */
@Tag("canvas")
class DigitPad extends Component {

    static final int CELLS = 64;
    private static final int SIDE = 224;
    private static final String SCRIPT = """
            const pad = this, cells = $0;
            const ctx = pad.getContext('2d');
            pad.width = pad.height = $1;
            ctx.lineCap = ctx.lineJoin = 'round';
            ctx.lineWidth = $1 / 11;
            ctx.strokeStyle = '#000';
            let drawing = false, last = null;
            const at = e => { const r = pad.getBoundingClientRect();
                return [(e.clientX - r.left) * pad.width / r.width, (e.clientY - r.top) * pad.height / r.height]; };
            pad.lecternClear = () => ctx.clearRect(0, 0, pad.width, pad.height);
            pad.lecternCells = () => {
                const small = document.createElement('canvas');
                small.width = small.height = cells;
                const s = small.getContext('2d');
                s.imageSmoothingEnabled = true;
                s.imageSmoothingQuality = 'high';
                s.drawImage(pad, 0, 0, cells, cells);
                const alpha = s.getImageData(0, 0, cells, cells).data;
                let hex = '';
                for (let i = 3; i < alpha.length; i += 4) hex += Math.round(alpha[i] * 15 / 255).toString(16);
                return hex;
            };
            pad.addEventListener('pointerdown', e => { drawing = true; last = at(e); pad.setPointerCapture(e.pointerId);
                ctx.beginPath(); ctx.arc(last[0], last[1], ctx.lineWidth / 2, 0, 2 * Math.PI); ctx.fill(); e.preventDefault(); });
            pad.addEventListener('pointermove', e => { if (!drawing) return; const p = at(e);
                ctx.beginPath(); ctx.moveTo(last[0], last[1]); ctx.lineTo(p[0], p[1]); ctx.stroke(); last = p; e.preventDefault(); });
            const end = () => { if (!drawing) return; drawing = false; pad.$server.strokeEnded(pad.lecternCells()); };
            pad.addEventListener('pointerup', end);
            pad.addEventListener('pointercancel', end);
            pad.style.touchAction = 'none';
            """;

    private Consumer<String> onStroke = cells -> { };

    DigitPad() {
        addClassName("digit-pad");
        getElement().setAttribute("aria-label", "drawing pad: draw one digit");
        getElement().setAttribute("role", "img");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        getElement().executeJs(SCRIPT, CELLS, SIDE);
    }

    /** Called with the drawing's ink cells after every stroke. */
    void onStroke(Consumer<String> listener) {
        this.onStroke = listener;
    }

    void clear() {
        getElement().executeJs("this.lecternClear && this.lecternClear()");
    }

    @ClientCallable
    void strokeEnded(String cells) {
        onStroke.accept(cells);
    }
}
