#pragma once

#include <cstddef>
#include <memory>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) // clang
#define RINGSCOPE_HAS_ASAN 1
#endif
#endif
#ifndef RINGSCOPE_HAS_ASAN
#define RINGSCOPE_HAS_ASAN 0
#endif

namespace ringscope::core {

// An allocator for objects made and dropped at a high rate (a get's request,
// with allocate_shared): a freed block is kept, per thread, for the next
// object of the same type, instead of a malloc/free pair each. A thread keeps
// at most kKept blocks and frees them when it ends.
//
// Requests made on one thread and finished on another (the GUI's, on the I/O
// thread) are simply kept by the thread that frees them. Under
// AddressSanitizer nothing is kept, so that a use after free is still caught.
template <typename T>
class RecyclingAllocator {
public:
    using value_type = T;

    RecyclingAllocator() noexcept = default;
    template <typename U>
    RecyclingAllocator(const RecyclingAllocator<U> &) noexcept // NOLINT(google-explicit-constructor)
    {
    }

    T *allocate(std::size_t n)
    {
        if (n == 1 && t_blocks.count > 0)
            return static_cast<T *>(t_blocks.block[--t_blocks.count]);
        return std::allocator<T>().allocate(n);
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
        if (n == 1 && keep(p))
            return;
        std::allocator<T>().deallocate(p, n);
    }

    friend bool operator==(const RecyclingAllocator &, const RecyclingAllocator &) noexcept { return true; }

private:
    static constexpr std::size_t kKept = 64;

    // Trivially destructible, so it stays valid until the thread is gone:
    // a block freed by a later thread_local destructor finds `closed`.
    struct Blocks {
        void *block[kKept];
        std::size_t count;
        bool registered;
        bool closed;
    };
    static thread_local Blocks t_blocks;

    struct Drain {
        ~Drain()
        {
            while (t_blocks.count > 0)
                std::allocator<T>().deallocate(static_cast<T *>(t_blocks.block[--t_blocks.count]), 1);
            t_blocks.closed = true;
        }
    };

    static bool keep(T *p) noexcept
    {
#if defined(__SANITIZE_ADDRESS__) || RINGSCOPE_HAS_ASAN
        (void)p;
        return false;
#else
        Blocks &b = t_blocks;
        if (b.closed || b.count == kKept)
            return false;
        if (!b.registered) {
            b.registered = true;
            static thread_local Drain drain; // frees the kept blocks when the thread ends
            (void)drain;
        }
        b.block[b.count++] = p;
        return true;
#endif
    }
};

template <typename T>
thread_local typename RecyclingAllocator<T>::Blocks RecyclingAllocator<T>::t_blocks{};

} // namespace ringscope::core
