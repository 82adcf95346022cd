// The rewards of the shipped model's answers against the truth of a room it never saw, and against a truth given.
// Run: environment/r1kit shell environment/examples/rewards.jsh
var room = R1.scene("bedroom:300001");

var lamp = R1.ask(room, "grounding", "the lamp on the nightstand");
System.out.println(lamp.rewards());          // format and perception against the lamp the room's graph names
System.out.println(lamp.rewards("3"));       // against object 3 instead

var count = R1.ask(room, "qa", "How many pillows are there?");
System.out.println(count.rewards("two"));    // format, semantic and the exact answer against "two"
