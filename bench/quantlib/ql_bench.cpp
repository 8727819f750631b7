// QuantLib on the same option set as bench/DeltaStream.Benchmarks (BenchmarkInputs.cs): S = 100, strikes 80..120,
// 6 maturities, 4 vols, calls and puts, r = 5%, q = 2%. Prints the median ns per operation over repeated runs.
#include <ql/pricingengines/blackcalculator.hpp>
#include <ql/pricingengines/blackformula.hpp>
#include <ql/version.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <tuple>
#include <vector>

using namespace QuantLib;

struct OptionInput { Option::Type type; double strike, time, vol, price; };

static const double Spot = 100.0, RiskFree = 0.05, Dividend = 0.02;

static std::vector<OptionInput> inputs() {
    const double maturities[] = {7 / 365.0, 30 / 365.0, 91 / 365.0, 0.5, 1.0, 2.0};
    const double vols[] = {0.1, 0.2, 0.35, 0.6};
    std::vector<OptionInput> list;
    for (double t : maturities)
        for (double v : vols)
            for (int k = 80; k <= 120; ++k)
                for (Option::Type type : {Option::Call, Option::Put}) {
                    double forward = Spot * std::exp((RiskFree - Dividend) * t), discount = std::exp(-RiskFree * t);
                    double price = blackFormula(type, k, forward, v * std::sqrt(t), discount);
                    list.push_back({type, double(k), t, v, price});
                }
    return list;
}

// Median over 15 runs of the time per operation, each run long enough (>= 50 ms) to swamp timer noise.
static double median_ns(const std::function<double()>& body, size_t operations) {
    std::vector<double> samples;
    volatile double sink = 0;
    for (int run = 0; run < 15; ++run) {
        size_t reps = 0;
        auto start = std::chrono::steady_clock::now();
        double elapsed = 0;
        do {
            sink += body();
            ++reps;
            elapsed = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
        } while (elapsed < 5e7);
        samples.push_back(elapsed / double(reps * operations));
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

int main() {
    auto options = inputs();

    double greeks = median_ns([&] {
        double sum = 0;
        for (auto& o : options) {
            double forward = Spot * std::exp((RiskFree - Dividend) * o.time), discount = std::exp(-RiskFree * o.time);
            BlackCalculator c(o.type, o.strike, forward, o.vol * std::sqrt(o.time), discount);
            sum += c.value() + c.delta(Spot) + c.gamma(Spot) + c.theta(Spot, o.time) + c.vega(o.time) + c.rho(o.time) + c.dividendRho(o.time);
        }
        return sum;
    }, options.size());

    auto implied = [&](bool lirs, const OptionInput& o) {
        double forward = Spot * std::exp((RiskFree - Dividend) * o.time), discount = std::exp(-RiskFree * o.time);
        try {
            double stdDev = lirs ? blackFormulaImpliedStdDevLiRS(o.type, o.strike, forward, o.price, discount, 0.0, Null<Real>(), 1.0, 1e-12, 100)
                                 : blackFormulaImpliedStdDev(o.type, o.strike, forward, o.price, discount, 0.0, Null<Real>(), 1e-12, 100);
            return stdDev / std::sqrt(o.time);
        } catch (...) {
            return -1.0;
        }
    };
    auto timed = [&](bool lirs) {
        return median_ns([&] {
            double sum = 0;
            for (auto& o : options) sum += implied(lirs, o);
            return sum;
        }, options.size());
    };
    // Accuracy in one untimed pass, judged as the C# side is: the error where the price determines vol to 1e-10,
    // and how many answers fall outside the conditioning bound max(1e-10, 100 eps (price + S + K) / vega) or throw.
    struct Accuracy { double worstConditioned = 0; int beyondBound = 0, exceptions = 0; };
    auto accuracy = [&](bool lirs) {
        Accuracy a;
        for (auto& o : options) {
            double forward = Spot * std::exp((RiskFree - Dividend) * o.time), discount = std::exp(-RiskFree * o.time);
            double vega = BlackCalculator(o.type, o.strike, forward, o.vol * std::sqrt(o.time), discount).vega(o.time);
            double bound = std::max(1e-10, 100 * 2.2e-16 * (o.price + Spot + o.strike) / vega);
            double vol = implied(lirs, o);
            if (vol < 0) { ++a.exceptions; continue; }
            double error = std::abs(vol - o.vol);
            if (bound <= 1e-10) a.worstConditioned = std::max(a.worstConditioned, error);
            if (error > bound) ++a.beyondBound;
        }
        return a;
    };
    auto newtonAccuracy = accuracy(false), lirsAccuracy = accuracy(true);
    double newton = timed(false), lirs = timed(true);

    // One chain as the grain recomputes it: IV (Newton, 1e-12) and Greeks for 41 strikes x 2 at T = 21 days.
    std::vector<OptionInput> chain;
    for (int k = 578; k <= 618; ++k)
        for (Option::Type type : {Option::Call, Option::Put}) {
            double t = 21 / 365.0, vol = 0.14 + 0.002 * std::abs(k - 598);
            double forward = 598 * std::exp((0.043 - 0.012) * t), discount = std::exp(-0.043 * t);
            chain.push_back({type, double(k), t, vol, blackFormula(type, k, forward, vol * std::sqrt(t), discount)});
        }
    double chainNs = median_ns([&] {
        double sum = 0;
        for (auto& o : chain) {
            double forward = 598.25 * std::exp((0.043 - 0.012) * o.time), discount = std::exp(-0.043 * o.time);
            double stdDev = blackFormulaImpliedStdDev(o.type, o.strike, forward, o.price, discount, 0.0, Null<Real>(), 1e-12, 100);
            BlackCalculator c(o.type, o.strike, forward, stdDev, discount);
            sum += c.value() + c.delta(598.25) + c.gamma(598.25) + c.theta(598.25, o.time) + c.vega(o.time) + c.rho(o.time);
        }
        return sum;
    }, 1);

    std::printf("quantlib_version %s\n", QL_VERSION);
    std::printf("blackcalculator_price_greeks_ns %.1f\n", greeks);
    for (auto [name, ns, a] : {std::tuple{"newton", newton, newtonAccuracy}, std::tuple{"lirs", lirs, lirsAccuracy}})
        std::printf("implied_stddev_%s_ns %.1f worst_error_where_conditioned %.3g beyond_bound %d exceptions %d of %zu\n",
                    name, ns, a.worstConditioned, a.beyondBound, a.exceptions, options.size());
    std::printf("chain_82_options_iv_and_greeks_us %.2f\n", chainNs / 1000.0);
    return 0;
}
