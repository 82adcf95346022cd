// The shipped model on a room it never saw: each of the seven tasks once, with its reasoning.
// Run: environment/r1kit shell environment/examples/ask.jsh
var room = R1.scene("living-room:300002");
var sofa = room.scene().objects().stream().filter(o -> o.label().equals("sofa")).findFirst().orElseThrow();

System.out.println(R1.ask(room, "dense-caption", ""));
System.out.println(R1.model().caption(room, sofa.id()));
System.out.println(R1.ask(room, "grounding", "the sofa"));
System.out.println(R1.ask(room, "qa", "What colour is the sofa?"));
System.out.println(R1.ask(room, "reasoning", "Where should I sit to watch tv?"));
System.out.println(R1.ask(room, "planning", "I want to watch a show. What should I do?"));

var chat = R1.dialogue(room);
System.out.println(chat.ask("Is there a tv in here?"));
System.out.println(chat.ask("What colour is it?"));
