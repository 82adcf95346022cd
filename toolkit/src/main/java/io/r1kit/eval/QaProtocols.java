package io.r1kit.eval;

import io.r1kit.data.ScanQa;
import io.r1kit.data.ScanQaEntry;
import io.r1kit.data.Sqa3d;
import io.r1kit.data.Sqa3dAnnotation;
import io.r1kit.data.ThreeDLlm;
import io.r1kit.data.ThreeDLlmEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The question-answering protocols (ScanQA, SQA3D, 3D-LLM) of {@link Benchmark}. */
final class QaProtocols {

    private QaProtocols() {}

    static List<MetricScore> run(Benchmark b, Path predFile, Path gtFile, MeteorResources meteor) throws IOException {
        Map<String, List<String>> answers = answers(b, gtFile);
        Map<String, List<String>> pred = EvalFiles.readTexts(predFile);
        EvalFiles.checkSameIds(predFile, pred.keySet(), gtFile, answers.keySet());
        Map<String, List<String>> top1 = new LinkedHashMap<>();
        for (String id : answers.keySet()) {
            List<String> p = pred.get(id);
            if (p.isEmpty()) {
                throw new io.r1kit.data.DataFormatException(predFile, "id \"" + id + "\": empty answer list");
            }
            top1.put(id, List.of(p.get(0)));
        }
        List<MetricScore> em = ExactMatch.score(top1, answers);
        if (b == Benchmark.SQA3D) {
            return em;
        }
        CaptionCorpus corpus;
        try {
            corpus = CaptionCorpus.of(top1, answers);
        } catch (IllegalArgumentException e) {
            throw new io.r1kit.data.DataFormatException(gtFile, e.getMessage());
        }
        List<MetricScore> out = new ArrayList<>();
        if (b == Benchmark.SCANQA) {
            out.addAll(em);
        }
        out.addAll(Bleu.score(corpus));
        if (b == Benchmark.SCANQA) {
            out.add(RougeL.score(corpus));
            out.add(Meteor.score(corpus, meteor));
            out.add(CiderD.score(corpus));
        } else {
            out.add(CiderD.score(corpus));
            out.add(Meteor.score(corpus, meteor));
            out.add(RougeL.score(corpus));
            out.addAll(em);
        }
        return out;
    }

    /** Question id (record index for 3D-LLM, which has none) to its answers. */
    private static Map<String, List<String>> answers(Benchmark b, Path gtFile) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        switch (b) {
            case SCANQA -> {
                for (ScanQaEntry e : ScanQa.read(gtFile)) {
                    out.put(e.questionId(), e.answers());
                }
            }
            case SQA3D -> {
                for (Sqa3dAnnotation a : Sqa3d.readAnnotations(gtFile)) {
                    out.put(Long.toString(a.questionId()), a.answers().stream().map(Sqa3dAnnotation.Answer::answer).toList());
                }
            }
            default -> {
                List<ThreeDLlmEntry> entries = ThreeDLlm.read(gtFile);
                for (int i = 0; i < entries.size(); i++) {
                    out.put(Integer.toString(i), entries.get(i).answers());
                }
            }
        }
        return out;
    }
}
