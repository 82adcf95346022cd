// r1kit's JShell startup: the imports a notebook or a JShell session needs for the toolkit.
// Evaluated by the r1kit kernel extension and by `environment/r1kit shell`.
import io.r1kit.*;
import io.r1kit.scene.*;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.proposal.*;
import io.r1kit.notebook.*;
import io.r1kit.render.*;
import io.r1kit.view.*;
import io.r1kit.render.viewer.Viewer3D;
import io.r1kit.render.viewer.ViewerOptions;
import io.r1kit.eval.*;
import io.r1kit.reward.*;
import io.r1kit.model.Engines;
import io.r1kit.model.lm.ComputeDtype;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Config;
import io.r1kit.model.lm.Qwen2Model;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.Generator;
import io.r1kit.model.text.ChatMessage;
import io.r1kit.model.text.ChatTemplate;
import io.r1kit.model.text.TextTokenizer;
import java.nio.file.*;
import java.util.*;
