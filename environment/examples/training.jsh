// A tiny SFT run, a tiny GRPO run from it, and the result asked: the training loop end to end in seconds.
// Run: environment/r1kit shell environment/examples/training.jsh
var dir = Files.createTempDirectory("r1kit-training-");
var sft = R1.sft(io.r1kit.train.sft.SftConfig.fromJson("""
        {"train_rooms": 1, "held_out_rooms": 1, "held_out_seed": 500, "tasks": ["grounding", "qa"],
         "hidden_size": 32, "layers": 1, "heads": 2, "kv_heads": 1, "intermediate_size": 64, "max_objects": 8,
         "points_per_object": 8, "max_tokens": 200, "steps": 3, "batch_size": 4, "warmup_steps": 1,
         "eval_every": 3, "held_out_examples": 4, "eval_examples": 0, "object_name_weight": 0}"""),
        dir.resolve("sft"), io.r1kit.train.TrainProgress.none());
System.out.println(sft);

var r1 = R1.grpo(io.r1kit.train.grpo.GrpoConfig.fromJson("""
        {"model": "%s", "train_rooms": 1, "held_out_rooms": 1, "held_out_seed": 500, "eval_prompts": 1,
         "num_generations": 2, "prompts_per_step": 1, "steps": 2, "max_completion_length": 8,
         "tasks": ["grounding"], "rewards": {"grounding": ["format", "perception"]}}""".formatted(sft.out())),
        dir.resolve("grpo"), io.r1kit.train.TrainProgress.none());
System.out.println(r1);
// a model this small has not learnt to answer: the first line shows only that the folder is a model like any other
System.out.println(r1.model().ask(R1.scene("kitchen:3"), "grounding", "the stove").toString().lines().findFirst().orElse(""));
