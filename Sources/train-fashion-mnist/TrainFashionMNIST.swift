import ArgumentParser
import Foundation
import Notes

/// `swift run -c release train-fashion-mnist`: trains note 04's 784-K-10 network on Debian's
/// Fashion-MNIST and reports the loss of every epoch, the time per epoch and the test accuracy.
@main
struct TrainFashionMNIST: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-fashion-mnist",
        abstract: "Train the 784-K-10 network of Notes/04-fashion-mnist-784-k-10.md with mini-batch SGD.")

    @Option(help: "Passes over the training set.") var epochs = 10
    @Option(help: "Examples per mini-batch.") var batchSize = 10
    @Option(name: .customLong("hidden"), help: "K, the hidden layer's width.") var hidden = 100
    @Option(help: "The step size η.") var learningRate = 1.0
    @Option(help: "The random seed for initialisation and shuffling.") var seed: UInt64 = 1
    @Option(help: "Train on the first N training images only.") var limit: Int?
    @Option(help: "The folder holding the IDX files.") var data = "/usr/share/datasets/fashion-mnist"

    func run() throws {
        print("784-\(hidden)-10, \(epochs) epochs, batches of \(batchSize), η = \(learningRate), seed \(seed)")
        let started = Date()
        var epochStarted = started
        var epochCPUStarted = processorTime()
        var trainingTime = 0.0
        let result = try FashionMNIST784.train(
            epochs: epochs, batchSize: batchSize, hidden: hidden, learningRate: learningRate, seed: seed,
            trainingLimit: limit, directory: data,
            onLoaded: {
                epochStarted = Date()
                epochCPUStarted = processorTime()
                print(String(format: "data loaded in %.2f s", epochStarted.timeIntervalSince(started)))
            }
        ) { epoch, loss in
            let now = Date(), cpu = processorTime()
            let seconds = now.timeIntervalSince(epochStarted)
            trainingTime += seconds
            print(String(format: "epoch %2d  mean training loss %.5f  %.2f s (CPU %.2f s)", epoch, loss, seconds, cpu - epochCPUStarted))
            (epochStarted, epochCPUStarted) = (now, cpu)
        }
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "test accuracy %.2f%% on 10,000 images; %.1f s in all, %.2f s per epoch",
                     100 * result.testAccuracy, seconds, trainingTime / Double(epochs)))
    }
}

/// The processor time this process has used so far, in seconds (every thread's, user and system).
private func processorTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
