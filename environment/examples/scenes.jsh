// A generated room and a scan: summaries, a render with boxes, and view selection for a query.
// Run: environment/r1kit shell environment/examples/scenes.jsh
var room = R1.scene("bedroom:7");
System.out.println(room);
var image = room.render(5, true, null);
System.out.println("view 5 with boxes: " + image.getWidth() + " x " + image.getHeight() + " pixels");
System.out.println(room.views("the lamp on the nightstand", 3));

var cube = Path.of("../shared/data/ply/cube.ply");
if (Files.exists(cube)) {
    var scan = R1.scene(cube.toString());
    System.out.println(scan + "; asked over " + scan.objects().describe());
}
