package io.otelring.bench.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's PNG: throughput and CPU per span by shape, one bar per system, side by side. */
final class Chart {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 420;

  private Chart() {}

  static void write(List<RunResult> runs, Path file) throws IOException {
    DefaultCategoryDataset throughput = new DefaultCategoryDataset();
    DefaultCategoryDataset cpu = new DefaultCategoryDataset();
    List<String> shapes = runs.stream().map(RunResult::shape).distinct().toList();
    for (String shape : shapes) {
      for (Target target : Target.values()) {
        List<RunResult> group = new ArrayList<>();
        for (RunResult r : runs) {
          if (r.shape().equals(shape) && r.target() == target) {
            group.add(r);
          }
        }
        if (!group.isEmpty()) {
          throughput.addValue(
              Report.median(group, RunResult::acceptedPerSecond) / 1000, target.label(), shape);
          cpu.addValue(
              Report.median(group, RunResult::cpuSecondsPerMillion), target.label(), shape);
        }
      }
    }
    JFreeChart left =
        ChartFactory.createBarChart(
            "Throughput (one CPU)",
            "shape",
            "thousand spans/s accepted",
            throughput,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    JFreeChart right =
        ChartFactory.createBarChart(
            "CPU per span",
            "shape",
            "CPU-seconds per million spans",
            cpu,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.drawImage(left.createBufferedImage(WIDTH, HEIGHT), 0, 0, null);
    graphics.drawImage(right.createBufferedImage(WIDTH, HEIGHT), WIDTH, 0, null);
    graphics.dispose();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ImageIO.write(image, "png", file.toFile());
  }
}
