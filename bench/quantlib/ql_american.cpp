// QuantLib's American engines on the option set of bench/DeltaStream.Benchmarks/AmericanBenchmarks.cs: S = 100,
// strikes 80, 84, ..., 120, 6 maturities, 4 vols, calls and puts, r = 5%, q = 2% (528 options). QuantLib dates are
// whole days, so maturities are 7, 30, 91, 183, 365 and 730 days (ACT/365). Prints the median CPU us per price (this
// thread's CPU time, so a loaded machine does not inflate it) and the largest price difference from QdFp at high
// precision over the set. With a path argument it also writes those reference prices there as CSV (type, strike,
// days, vol, price) for `dotnet run -c Release --project DeltaStream.Benchmarks -- american <path>`.
#include <ql/exercise.hpp>
#include <ql/instruments/vanillaoption.hpp>
#include <ql/pricingengines/vanilla/baroneadesiwhaleyengine.hpp>
#include <ql/pricingengines/vanilla/bjerksundstenslandengine.hpp>
#include <ql/pricingengines/vanilla/fdblackscholesvanillaengine.hpp>
#include <ql/pricingengines/vanilla/qdfpamericanengine.hpp>
#include <ql/pricingengines/vanilla/qdplusamericanengine.hpp>
#include <ql/processes/blackscholesprocess.hpp>
#include <ql/quotes/simplequote.hpp>
#include <ql/settings.hpp>
#include <ql/termstructures/volatility/equityfx/blackconstantvol.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <ql/version.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

using namespace QuantLib;

struct Case { Option::Type type; double strike; int days; double vol; };

static double cpu_us() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double(t.tv_sec) * 1e6) + (double(t.tv_nsec) / 1e3);
}

int main(int argc, char** argv) {
    Date today(27, November, 2026);
    Settings::instance().evaluationDate() = today;
    DayCounter dc = Actual365Fixed();
    auto spot = ext::make_shared<SimpleQuote>(100.0);
    auto vol = ext::make_shared<SimpleQuote>(0.2);
    auto process = ext::make_shared<BlackScholesMertonProcess>(
        Handle<Quote>(spot),
        Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, 0.02, dc)),
        Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, 0.05, dc)),
        Handle<BlackVolTermStructure>(ext::make_shared<BlackConstantVol>(today, NullCalendar(), Handle<Quote>(vol), dc)));

    std::vector<Case> cases;
    for (int days : {7, 30, 91, 183, 365, 730})
        for (double v : {0.1, 0.2, 0.35, 0.6})
            for (int k = 80; k <= 120; k += 4)
                for (Option::Type type : {Option::Call, Option::Put}) cases.push_back({type, double(k), days, v});

    struct Engine { std::string name; ext::shared_ptr<PricingEngine> engine; };
    std::vector<Engine> engines = {
        {"QdFp fast", ext::make_shared<QdFpAmericanEngine>(process, QdFpAmericanEngine::fastScheme())},
        {"QdFp accurate", ext::make_shared<QdFpAmericanEngine>(process, QdFpAmericanEngine::accurateScheme())},
        {"QdFp high precision", ext::make_shared<QdFpAmericanEngine>(process, QdFpAmericanEngine::highPrecisionScheme())},
        {"QdPlus (8 points, Halley)", ext::make_shared<QdPlusAmericanEngine>(process)},
        {"Barone-Adesi-Whaley", ext::make_shared<BaroneAdesiWhaleyApproximationEngine>(process)},
        {"Bjerksund-Stensland", ext::make_shared<BjerksundStenslandApproximationEngine>(process)},
        {"FD Crank-Nicolson 200 x 200", ext::make_shared<FdBlackScholesVanillaEngine>(process, 200, 200, 0, FdmSchemeDesc::CrankNicolson())},
    };

    std::vector<VanillaOption> options;
    for (auto& c : cases)
        options.emplace_back(ext::make_shared<PlainVanillaPayoff>(c.type, c.strike),
                             ext::make_shared<AmericanExercise>(today, today + c.days));

    auto priceAll = [&](const ext::shared_ptr<PricingEngine>& engine, std::vector<double>* out) {
        double sum = 0;
        for (size_t i = 0; i < cases.size(); ++i) {
            vol->setValue(cases[i].vol);
            options[i].setPricingEngine(engine);
            double p = options[i].NPV();
            sum += p;
            if (out) out->push_back(p);
        }
        return sum;
    };

    std::vector<double> reference;
    priceAll(engines[2].engine, &reference);
    if (argc > 1) {
        FILE* csv = std::fopen(argv[1], "w");
        for (size_t i = 0; i < cases.size(); ++i)
            std::fprintf(csv, "%s,%.0f,%d,%.2f,%.17g\n", cases[i].type == Option::Call ? "call" : "put", cases[i].strike, cases[i].days, cases[i].vol, reference[i]);
        std::fclose(csv);
    }

    std::printf("quantlib_version %s, %zu options\n", QL_VERSION, cases.size());
    std::printf("| engine | CPU us per price (median) | max abs diff from QdFp high precision |\n|---|---|---|\n");
    for (auto& e : engines) {
        std::vector<double> prices;
        priceAll(e.engine, &prices);
        double worst = 0;
        for (size_t i = 0; i < prices.size(); ++i) worst = std::max(worst, std::abs(prices[i] - reference[i]));
        // Seven timed passes, or one for an engine whose pass takes more than a CPU second.
        std::vector<double> samples;
        for (int run = 0; run < 7; ++run) {
            double start = cpu_us();
            volatile double sink = priceAll(e.engine, nullptr);
            (void)sink;
            samples.push_back((cpu_us() - start) / double(cases.size()));
            if (samples.back() * double(cases.size()) > 1e6) break;
        }
        std::sort(samples.begin(), samples.end());
        std::printf("| %s | %.1f | %.2e |\n", e.name.c_str(), samples[samples.size() / 2], worst);
    }
    return 0;
}
